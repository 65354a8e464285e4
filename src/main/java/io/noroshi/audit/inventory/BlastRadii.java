package io.noroshi.audit.inventory;

import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Service;
import io.noroshi.config.Service.ServiceKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Simulates the failure of each site and shared part: a service with every endpoint in the failed domain
 * stops; anything that depends on a stopped service stops with it (a DNS failure takes down what resolves
 * through it). Built once per inventory; each {@link #of} is linear in the number of endpoints and edges.
 */
public final class BlastRadii {

    private final NoroshiConfig config;
    private final FailureDomains domains;
    private final List<VantagePoint> vantagePoints;
    private final Map<String, List<Set<String>>> endpointHits = new LinkedHashMap<>();
    private final Map<String, List<String>> dependents = new HashMap<>();
    private final Map<String, ServiceKind> kinds = new HashMap<>();
    private final List<Set<String>> vantageHits = new ArrayList<>();

    public BlastRadii(NoroshiConfig config, FailureDomains domains, List<VantagePoint> vantagePoints) {
        this.config = config;
        this.domains = domains;
        this.vantagePoints = List.copyOf(vantagePoints);
        for (Service service : config.services()) {
            kinds.put(service.id(), service.kind());
            endpointHits.put(service.id(), service.endpoints().stream().map(domains::hitting).toList());
            for (String dependency : service.dependsOn()) dependents.computeIfAbsent(dependency, k -> new ArrayList<>()).add(service.id());
        }
        for (VantagePoint point : vantagePoints) vantageHits.add(domains.hitting(point.site(), point.sharedParts()));
    }

    public List<BlastRadius> all() {
        return domains.all().stream().map(this::of).toList();
    }

    public BlastRadius of(FailureDomain failed) {
        String id = failed.id();
        Map<String, List<String>> down = new LinkedHashMap<>();
        var degraded = new ArrayList<String>();
        var queue = new ArrayDeque<String>();
        endpointHits.forEach((service, hits) -> {
            long hit = hits.stream().filter(h -> h.contains(id)).count();
            if (hit > 0 && hit == hits.size()) {
                down.put(service, List.of());
                queue.add(service);
            } else if (hit > 0) {
                degraded.add(service);
            }
        });
        while (!queue.isEmpty()) {
            String stopped = queue.poll();
            for (String dependent : dependents.getOrDefault(stopped, List.of())) {
                if (down.containsKey(dependent)) continue;
                var chain = new ArrayList<String>();
                chain.add(stopped);
                chain.addAll(down.get(stopped));
                down.put(dependent, chain);
                queue.add(dependent);
            }
        }
        degraded.removeIf(down::containsKey);
        List<ServiceLoss> losses = down.entrySet().stream()
                .map(e -> new ServiceLoss(e.getKey(), kinds.get(e.getKey()), e.getValue())).toList();
        int left = (int) vantageHits.stream().filter(h -> !h.contains(id)).count();
        int quorum = vantagePoints.isEmpty() ? 0 : vantagePoints.size() / 2 + 1;
        return new BlastRadius(failed, losses, degraded, survives(ServiceKind.STATUS, down),
                survives(ServiceKind.NOTIFY, down) && (none(ServiceKind.CONTACTS) || survives(ServiceKind.CONTACTS, down)), left, quorum);
    }

    private boolean survives(ServiceKind kind, Map<String, List<String>> down) {
        return config.services().stream().anyMatch(s -> s.kind() == kind && !down.containsKey(s.id()));
    }

    private boolean none(ServiceKind kind) {
        return config.services().stream().noneMatch(s -> s.kind() == kind);
    }

    public FailureDomains domains() {
        return domains;
    }
}
