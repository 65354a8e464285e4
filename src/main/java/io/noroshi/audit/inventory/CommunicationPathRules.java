package io.noroshi.audit.inventory;

import io.noroshi.audit.AuditRule;
import io.noroshi.audit.Finding;
import io.noroshi.audit.Severity;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Service;
import io.noroshi.config.Service.ServiceKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The story's second lesson: the status page, its DNS, the notification relay and the contact list must not
 * fall with what they report on. Judged per capability: one surviving status page is enough.
 */
final class CommunicationPathRules {

    private record Role(ServiceKind kind, String name, AuditRule sharesSite, AuditRule dependsOnReported, AuditRule missing,
                        Severity missingSeverity, String withoutIt) {
    }

    private static final List<Role> ROLES = List.of(
            new Role(ServiceKind.STATUS, "status page", AuditRule.INVENTORY_STATUS_PAGE_SHARES_SITE,
                    AuditRule.INVENTORY_STATUS_PAGE_DEPENDS_ON_REPORTED, AuditRule.INVENTORY_STATUS_PAGE_MISSING, Severity.WARNING,
                    "customers have nowhere to read about an outage"),
            new Role(ServiceKind.NOTIFY, "notification relay", AuditRule.INVENTORY_NOTIFY_SHARES_SITE,
                    AuditRule.INVENTORY_NOTIFY_DEPENDS_ON_REPORTED, AuditRule.INVENTORY_NOTIFY_MISSING, Severity.NOTICE,
                    "customers are not told, they must come and look"),
            new Role(ServiceKind.CONTACTS, "contact store", AuditRule.INVENTORY_CONTACTS_SHARES_SITE,
                    AuditRule.INVENTORY_CONTACTS_DEPENDS_ON_REPORTED, AuditRule.INVENTORY_CONTACTS_MISSING, Severity.NOTICE,
                    "it is unclear where the customer list lives, and whether it outlives the main site"));

    List<Finding> check(NoroshiConfig config, List<BlastRadius> radii) {
        var findings = new ArrayList<Finding>();
        var roles = new Roles(config);
        for (Role role : ROLES) {
            List<Service> carriers = config.services().stream().filter(s -> s.kind() == role.kind()).toList();
            if (carriers.isEmpty()) {
                findings.add(role.missing().finding(role.missingSeverity(), "No " + role.name() + " is declared (a service of kind "
                        + role.kind().name().toLowerCase(java.util.Locale.ROOT) + "): " + role.withoutIt() + ".",
                        List.of()));
                continue;
            }
            fallsWithReported(role, carriers, radii, roles, findings);
            for (Service carrier : carriers) dependsOnReported(role, carrier, config, roles, findings);
        }
        return findings;
    }

    private static void fallsWithReported(Role role, List<Service> carriers, List<BlastRadius> radii, Roles roles, List<Finding> findings) {
        Map<AuditRule, List<String>> evidence = new LinkedHashMap<>();
        for (BlastRadius radius : radii) {
            List<ServiceLoss> carrierLosses = radius.down().stream().filter(l -> l.kind() == role.kind()).toList();
            if (carrierLosses.size() < carriers.size()) continue;
            List<String> reported = radius.down().stream().filter(l -> roles.reported(l.service())).map(ServiceLoss::service).toList();
            if (reported.isEmpty()) continue;
            boolean direct = carrierLosses.stream().anyMatch(ServiceLoss::direct);
            boolean throughDns = carrierLosses.stream().anyMatch(l -> l.through().stream()
                    .anyMatch(s -> radius.down().stream().anyMatch(d -> d.service().equals(s) && d.kind() == ServiceKind.DNS)));
            AuditRule rule = !direct && throughDns && role.kind() == ServiceKind.STATUS
                    ? AuditRule.INVENTORY_STATUS_PAGE_DNS_SHARES_SITE : role.sharesSite();
            String how = carrierLosses.stream().map(l -> l.direct() ? l.service() + " (runs there)"
                    : l.service() + " (through " + String.join(" -> ", l.through()) + ")").reduce((a, b) -> a + ", " + b).orElse("");
            evidence.computeIfAbsent(rule, k -> new ArrayList<>()).add(radius.failed().kind() + " " + radius.failed().id()
                    + ": takes " + how + " with " + String.join(", ", reported));
        }
        evidence.forEach((rule, lines) -> findings.add(rule.finding(Severity.ERROR, "Every " + role.name() + " falls with what it reports on"
                + (rule == AuditRule.INVENTORY_STATUS_PAGE_DNS_SHARES_SITE ? ", because its DNS does" : "")
                + ": when " + lines.size() + " failure domain(s) fail, customers cannot be told. Host it elsewhere.", lines)));
    }

    private static void dependsOnReported(Role role, Service carrier, NoroshiConfig config, Roles roles, List<Finding> findings) {
        Set<String> seen = new LinkedHashSet<>();
        var queue = new ArrayDeque<>(carrier.dependsOn());
        var reported = new ArrayList<String>();
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (!seen.add(id)) continue;
            config.service(id).ifPresent(s -> {
                if (roles.reported(s.id())) reported.add(s.id());
                queue.addAll(s.dependsOn());
            });
        }
        if (reported.isEmpty()) return;
        findings.add(role.dependsOnReported().finding(Severity.WARNING, "The " + role.name() + " " + carrier.id() + " depends on "
                + String.join(", ", reported) + ", which it reports on: an outage there silences it too.",
                List.of(carrier.id() + " depends on " + String.join(", ", reported))));
    }
}
