package io.noroshi.audit.dns;

import io.noroshi.audit.AuditRule;
import io.noroshi.audit.Finding;
import io.noroshi.audit.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a set of addresses would fall together with one network: a warning when all share one prefix (or
 * AS), a notice when only some do, as Zonemaster's CONNECTIVITY03 and CONNECTIVITY04 judge nameservers.
 */
final class Diversity {

    private Diversity() {
    }

    static Optional<Finding> prefixes(AuditRule rule, String what, List<Placed> placed) {
        return judge(rule, what, "prefix", placed, p -> Optional.of(p.network().prefix()));
    }

    static Optional<Finding> origins(AuditRule rule, String what, List<Placed> placed) {
        return judge(rule, what, "AS", placed, p -> p.network().origin());
    }

    private static Optional<Finding> judge(AuditRule rule, String what, String unit, List<Placed> placed,
                                           Function<Placed, Optional<String>> groupOf) {
        List<Placed> distinct = placed.stream().filter(distinctBy(Placed::address)).toList();
        if (distinct.size() < 2) return Optional.empty();
        Map<String, List<Placed>> groups = new LinkedHashMap<>();
        for (Placed p : distinct) groupOf.apply(p).ifPresent(g -> groups.computeIfAbsent(g, k -> new ArrayList<>()).add(p));
        int known = groups.values().stream().mapToInt(List::size).sum();
        List<String> evidence = distinct.stream().map(Placed::evidence).toList();
        if (known == distinct.size() && groups.size() == 1) {
            String group = groups.keySet().iterator().next();
            return Optional.of(rule.finding(Severity.WARNING, "All " + distinct.size() + " " + what + " are in one " + unit + " ("
                    + group + "): one failure there takes them all.", evidence));
        }
        List<String> shared = groups.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + ": " + String.join(", ", e.getValue().stream().map(Placed::host).distinct().toList())).toList();
        if (shared.isEmpty()) return Optional.empty();
        return Optional.of(rule.finding(Severity.NOTICE, "Some " + what + " share " + (unit.equals("AS") ? "an AS" : "a " + unit) + ": " + String.join("; ", shared) + ".", evidence));
    }

    private static <T, K> java.util.function.Predicate<T> distinctBy(Function<T, K> key) {
        var seen = new java.util.HashSet<K>();
        return t -> seen.add(key.apply(t));
    }
}
