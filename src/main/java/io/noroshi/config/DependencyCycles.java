package io.noroshi.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds cycles in services' {@code depends_on}: a service cannot, even indirectly, need itself. */
final class DependencyCycles {

    private final ConfigProblems problems;

    DependencyCycles(ConfigProblems problems) {
        this.problems = problems;
    }

    void check(List<Service> services) {
        Map<String, List<String>> edges = new HashMap<>();
        services.forEach(s -> edges.put(s.id(), s.dependsOn()));
        Set<String> done = new HashSet<>();
        for (Service service : services) {
            Deque<String> path = new ArrayDeque<>();
            visit(service.id(), edges, done, new HashSet<>(), path);
        }
    }

    private void visit(String id, Map<String, List<String>> edges, Set<String> done, Set<String> onPath, Deque<String> path) {
        if (done.contains(id)) return;
        if (!onPath.add(id)) {
            var cycle = new StringBuilder();
            var list = path.reversed().stream().toList();
            int start = list.indexOf(id);
            for (String step : list.subList(Math.max(start, 0), list.size())) cycle.append(step).append(" -> ");
            problems.add(0, "services", "depends_on forms a cycle: " + cycle + id);
            return;
        }
        path.push(id);
        for (String next : edges.getOrDefault(id, List.of())) {
            if (edges.containsKey(next)) visit(next, edges, done, onPath, path);
        }
        path.pop();
        onPath.remove(id);
        done.add(id);
    }
}
