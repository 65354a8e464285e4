package io.noroshi.audit.dns;

import io.noroshi.audit.AuditRule;
import io.noroshi.audit.Finding;
import io.noroshi.audit.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether the web addresses (apex and www) sit in the same prefix or AS as the nameservers or MX hosts: the
 * story's single data center, seen from outside. Every nameserver beside the web site is a warning (DNS
 * falls with it); some is a notice.
 */
final class SharedNetworkRules {

    void check(List<Placed> web, List<Placed> ns, List<Placed> mx, List<Finding> findings) {
        if (web.isEmpty()) return;
        compare(AuditRule.DNS_WEB_SHARES_PREFIX, "prefix", web, ns, "nameservers", p -> Optional.of(p.network().prefix()), findings);
        compare(AuditRule.DNS_WEB_SHARES_PREFIX, "prefix", web, mx, "MX hosts", p -> Optional.of(p.network().prefix()), findings);
        compare(AuditRule.DNS_WEB_SHARES_AS, "AS", web, ns, "nameservers", p -> p.network().origin(), findings);
        compare(AuditRule.DNS_WEB_SHARES_AS, "AS", web, mx, "MX hosts", p -> p.network().origin(), findings);
    }

    private static void compare(AuditRule rule, String unit, List<Placed> web, List<Placed> others, String what,
                                Function<Placed, Optional<String>> groupOf, List<Finding> findings) {
        Set<String> webGroups = web.stream().map(groupOf).flatMap(Optional::stream).collect(Collectors.toSet());
        if (webGroups.isEmpty() || others.isEmpty()) return;
        Set<String> allHosts = others.stream().map(Placed::host).collect(Collectors.toCollection(java.util.TreeSet::new));
        List<Placed> sharing = others.stream().filter(p -> groupOf.apply(p).filter(webGroups::contains).isPresent()).toList();
        Set<String> sharingHosts = sharing.stream().map(Placed::host).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (sharingHosts.isEmpty()) return;
        var evidence = new ArrayList<String>();
        web.stream().filter(p -> groupOf.apply(p).isPresent()).map(p -> "web " + p.evidence()).distinct().forEach(evidence::add);
        sharing.stream().map(Placed::evidence).forEach(evidence::add);
        if (sharingHosts.equals(allHosts)) {
            findings.add(rule.finding(Severity.WARNING, "Every one of the " + what + " shares " + article(unit) + " with the web site: one failure"
                    + " there takes " + (what.equals("nameservers") ? "DNS" : "mail") + " down with the web.", evidence));
        } else {
            findings.add(rule.finding(Severity.NOTICE, String.join(", ", sharingHosts) + (sharingHosts.size() == 1 ? " shares " : " share ")
                    + article(unit) + " with the web site.", evidence));
        }
    }

    private static String article(String unit) {
        return unit.equals("AS") ? "an AS" : "a " + unit;
    }
}
