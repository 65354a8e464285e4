package io.noroshi.audit.inventory;

import io.noroshi.audit.AuditRule;
import io.noroshi.audit.Finding;
import io.noroshi.audit.Severity;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Service;
import io.noroshi.config.Service.ServiceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The story's first lesson: DNS, web and mail in one place are one failure. Judges authoritative DNS beside
 * web and mail, and all DNS or all MX hosts inside one failure domain.
 */
final class ColocationRules {

    List<Finding> check(NoroshiConfig config, List<BlastRadius> radii) {
        var findings = new ArrayList<Finding>();
        together(radii, ServiceKind.WEB, AuditRule.INVENTORY_DNS_COLOCATED_WITH_WEB, "web", findings);
        together(radii, ServiceKind.MAIL, AuditRule.INVENTORY_DNS_COLOCATED_WITH_MAIL, "mail", findings);
        allInOne(config, radii, ServiceKind.DNS, AuditRule.INVENTORY_DNS_SINGLE_SITE, "authoritative DNS", findings);
        allInOne(config, radii, ServiceKind.MAIL, AuditRule.INVENTORY_MX_SINGLE_SITE, "mail (MX)", findings);
        return findings;
    }

    /** One finding per distinct set of services that fall together, naming every domain where they do. */
    private static void together(List<BlastRadius> radii, ServiceKind other, AuditRule rule, String word, List<Finding> findings) {
        Map<Set<String>, List<String>> groups = new LinkedHashMap<>();
        for (BlastRadius radius : radii) {
            Set<String> dns = directly(radius, ServiceKind.DNS);
            Set<String> others = directly(radius, other);
            if (dns.isEmpty() || others.isEmpty()) continue;
            var key = new LinkedHashSet<>(dns);
            key.addAll(others);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(radius.failed().kind() + " " + radius.failed().id());
        }
        groups.forEach((services, where) -> findings.add(rule.finding(Severity.ERROR, "Authoritative DNS and " + word + " ("
                + String.join(", ", services) + ") fall together when " + String.join(" or ", where)
                + " fails; keep at least DNS apart.", evidence(services, where))));
    }

    private static void allInOne(NoroshiConfig config, List<BlastRadius> radii, ServiceKind kind,
                                 AuditRule rule, String what, List<Finding> findings) {
        var roles = new Roles(config);
        // the status page's own DNS is judged with the communication path, not here
        List<Service> services = config.services().stream()
                .filter(s -> s.kind() == kind && !s.endpoints().isEmpty() && roles.reported(s.id())).toList();
        if (services.isEmpty()) return;
        Set<String> sites = new LinkedHashSet<>();
        services.forEach(s -> s.endpoints().forEach(e -> sites.add(e.site())));
        var where = new ArrayList<String>();
        for (BlastRadius radius : radii) {
            if (services.stream().allMatch(s -> radius.directlyDown().stream().anyMatch(l -> l.service().equals(s.id())))) {
                where.add(radius.failed().kind() + " " + radius.failed().id());
            }
        }
        if (where.isEmpty()) return;
        var ids = services.stream().map(Service::id).toList();
        if (sites.size() == 1) {
            findings.add(rule.finding(Severity.ERROR, "All " + what + " (" + String.join(", ", ids) + ") runs in one site, "
                    + sites.iterator().next() + ": when " + String.join(" or ", where) + " fails, none is left.", evidence(ids, where)));
        } else {
            findings.add(rule.finding(Severity.WARNING, "All " + what + " (" + String.join(", ", ids) + ") spreads over "
                    + String.join(", ", sites) + " but still fails as one when " + String.join(" or ", where) + " fails.", evidence(ids, where)));
        }
    }

    private static Set<String> directly(BlastRadius radius, ServiceKind kind) {
        var ids = new LinkedHashSet<String>();
        for (ServiceLoss loss : radius.directlyDown()) if (loss.kind() == kind) ids.add(loss.service());
        return ids;
    }

    private static List<String> evidence(java.util.Collection<String> services, List<String> where) {
        var evidence = new ArrayList<String>();
        evidence.add("services: " + String.join(", ", services));
        where.forEach(w -> evidence.add("fails with: " + w));
        return evidence;
    }
}
