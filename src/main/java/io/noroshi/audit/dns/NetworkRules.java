package io.noroshi.audit.dns;

import io.noroshi.audit.AuditRule;
import io.noroshi.audit.Finding;
import io.noroshi.audit.Severity;
import io.noroshi.audit.network.NetworkMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Judges where the zone's nameservers, MX hosts and web addresses sit in the routing system, IPv4 and IPv6
 * separately, so an operator sees what one network outage would take down together.
 */
final class NetworkRules {

    private final NetworkMap networks;

    NetworkRules(NetworkMap networks) {
        this.networks = networks;
    }

    List<Finding> check(ZoneSnapshot zone) {
        var findings = new ArrayList<Finding>();
        if (zone.delegation().isEmpty()) return findings;
        List<Placed> ns = place(zone.nameservers());
        if (!networks.knowsOrigins()) {
            findings.add(AuditRule.DNS_ASN_DB_ABSENT.finding(Severity.INFO, "No ASN database given (--asn-db): prefixes are grouped by /24"
                    + " and /48, and AS diversity is unknown.", List.of(networks.source())));
        }
        families(zone, ns, findings);
        for (String family : List.of("IPv4", "IPv6")) {
            Predicate<Placed> in = p -> p.ipv4() == family.equals("IPv4");
            List<Placed> nsOfFamily = ns.stream().filter(in).toList();
            Diversity.prefixes(AuditRule.DNS_NS_PREFIX_DIVERSITY, family + " nameservers", nsOfFamily).ifPresent(findings::add);
            origins(AuditRule.DNS_NS_AS_DIVERSITY, family + " nameservers", nsOfFamily).ifPresent(findings::add);
        }
        mail(zone, findings);
        new SharedNetworkRules().check(place(zone.web()), ns, place(zone.mail().stream().map(ZoneSnapshot.MailHost::host).toList()), findings);
        return findings;
    }

    private Optional<Finding> origins(AuditRule rule, String what, List<Placed> placed) {
        if (networks.knowsOrigins()) return Diversity.origins(rule, what, placed);
        if (placed.stream().map(Placed::address).distinct().count() < 2) return Optional.empty();
        return Optional.of(rule.finding(Severity.INFO, "AS diversity of the " + what + " is unknown: no ASN database.",
                placed.stream().map(Placed::evidence).toList()));
    }

    private static void families(ZoneSnapshot zone, List<Placed> ns, List<Finding> findings) {
        if (ns.isEmpty()) return;
        List<String> evidence = ns.stream().map(Placed::evidence).toList();
        if (ns.stream().noneMatch(Placed::ipv4)) {
            findings.add(AuditRule.DNS_NS_IPV4_ABSENT.finding(Severity.WARNING, zone.zone()
                    + " has no IPv4 nameserver: IPv4-only resolvers cannot reach it.", evidence));
        }
        if (ns.stream().allMatch(Placed::ipv4)) {
            findings.add(AuditRule.DNS_NS_IPV6_ABSENT.finding(Severity.NOTICE, zone.zone()
                    + " has no IPv6 nameserver: IPv6-only resolvers cannot reach it.", evidence));
        }
    }

    private void mail(ZoneSnapshot zone, List<Finding> findings) {
        if (zone.nullMx()) {
            findings.add(AuditRule.DNS_MX_NULL.finding(Severity.INFO, zone.zone() + " declares that it accepts no mail (null MX).",
                    List.of(zone.zone() + " MX 0 .")));
            return;
        }
        if (zone.servers().stream().noneMatch(s -> s.serial().isPresent())) return;
        if (zone.mail().isEmpty()) {
            findings.add(AuditRule.DNS_MX_ABSENT.finding(Severity.WARNING, zone.zone() + " has no MX record: mail goes to the"
                    + " address of the domain itself, if anywhere. Publish MX records, or a null MX if it takes no mail.", List.of(zone.zone().toString())));
            return;
        }
        List<String> hosts = zone.mail().stream().map(m -> m.preference() + " " + m.host().name()).toList();
        if (zone.mail().size() == 1) {
            findings.add(AuditRule.DNS_MX_SINGLE.finding(Severity.NOTICE, zone.zone() + " has a single MX host: senders queue mail"
                    + " while it is down, but nothing accepts it meanwhile.", hosts));
        }
        for (ZoneSnapshot.MailHost mx : zone.mail()) {
            if (mx.host().addresses().isEmpty()) {
                findings.add(AuditRule.DNS_MX_UNRESOLVABLE.finding(Severity.WARNING, "MX host " + mx.host().name() + " has no address.",
                        List.of(mx.preference() + " " + mx.host().name())));
            }
        }
        List<Placed> mx = place(zone.mail().stream().map(ZoneSnapshot.MailHost::host).toList());
        for (String family : List.of("IPv4", "IPv6")) {
            List<Placed> ofFamily = mx.stream().filter(p -> p.ipv4() == family.equals("IPv4")).toList();
            Diversity.prefixes(AuditRule.DNS_MX_PREFIX_DIVERSITY, family + " MX hosts", ofFamily).ifPresent(findings::add);
            origins(AuditRule.DNS_MX_AS_DIVERSITY, family + " MX hosts", ofFamily).ifPresent(findings::add);
        }
    }

    private List<Placed> place(List<ZoneSnapshot.Host> hosts) {
        var placed = new ArrayList<Placed>();
        for (ZoneSnapshot.Host host : hosts) {
            for (var address : host.addresses()) placed.add(new Placed(host.name().toString(), address, networks.networkOf(address)));
        }
        return placed;
    }
}
