package io.noroshi.audit.dns;

import io.noroshi.audit.AuditRule;
import io.noroshi.audit.Finding;
import io.noroshi.audit.Severity;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Name;

/** Judges the delegation itself: that it exists, lists enough distinct servers, carries glue and matches the zone. */
final class DelegationRules {

    List<Finding> check(ZoneSnapshot zone) {
        var findings = new ArrayList<Finding>();
        if (zone.delegation().isEmpty()) {
            findings.add(AuditRule.DNS_DELEGATION_MISSING.finding(Severity.ERROR,
                    "The parent zone does not delegate " + zone.zone() + ": the domain does not resolve at all.", List.of(zone.zone().toString())));
            return findings;
        }
        Delegation delegation = zone.delegation().get();
        count(delegation, findings);
        for (ZoneSnapshot.Host ns : zone.nameservers()) {
            boolean glued = !delegation.glue().getOrDefault(ns.name(), List.of()).isEmpty();
            if (delegation.needsGlue(ns.name()) && !glued) {
                findings.add(AuditRule.DNS_NS_GLUE_MISSING.finding(Severity.ERROR, "The parent " + delegation.parent() + " gives no glue for "
                        + ns.name() + ", which lies inside " + zone.zone() + ": resolvers cannot find it.", List.of(ns.name().toString())));
            }
            if (ns.addresses().isEmpty()) {
                findings.add(AuditRule.DNS_NS_UNRESOLVABLE.finding(Severity.ERROR, "Nameserver " + ns.name() + " has no address.",
                        List.of(ns.name().toString())));
            }
        }
        sharedAddresses(zone, findings);
        if (!zone.childNs().isEmpty() && !zone.childNs().equals(new LinkedHashSet<>(delegation.nameservers()))) {
            findings.add(AuditRule.DNS_DELEGATION_NS_MISMATCH.finding(Severity.WARNING, "The parent lists " + names(delegation.nameservers())
                    + " but the zone itself lists " + names(zone.childNs()) + "; keep both sides of the cut the same.",
                    List.of("parent " + delegation.parent() + ": " + names(delegation.nameservers()), "zone: " + names(zone.childNs()))));
        }
        return findings;
    }

    private static void count(Delegation delegation, List<Finding> findings) {
        int count = delegation.nameservers().size();
        List<String> evidence = delegation.nameservers().stream().map(Name::toString).toList();
        if (count < 2) {
            findings.add(AuditRule.DNS_NS_COUNT.finding(Severity.ERROR, delegation.zone() + " has " + count
                    + " nameserver; at least two are required, and one failure then takes the whole domain down.", evidence));
        } else if (count == 2) {
            findings.add(AuditRule.DNS_NS_COUNT.finding(Severity.NOTICE, delegation.zone()
                    + " has two nameservers; three are recommended, one of them well removed from the others.", evidence));
        }
    }

    private static void sharedAddresses(ZoneSnapshot zone, List<Finding> findings) {
        Map<InetAddress, Set<Name>> byAddress = new HashMap<>();
        for (ZoneSnapshot.Host ns : zone.nameservers()) {
            for (InetAddress address : ns.addresses()) byAddress.computeIfAbsent(address, k -> new LinkedHashSet<>()).add(ns.name());
        }
        byAddress.forEach((address, names) -> {
            if (names.size() > 1) {
                findings.add(AuditRule.DNS_NS_SHARED_ADDRESS.finding(Severity.ERROR, names(names) + " are one server: they share the address "
                        + address.getHostAddress() + ".", List.of(address.getHostAddress() + ": " + names(names))));
            }
        });
    }

    static String names(java.util.Collection<Name> names) {
        return String.join(", ", names.stream().map(Name::toString).sorted().toList());
    }
}
