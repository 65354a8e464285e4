package io.noroshi.audit.inventory;

import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Service;
import io.noroshi.config.Service.ServiceKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which services carry the message (the communication path) and which are the subject of it. The path is
 * the status page, notification relays, contact stores and monitoring, plus whatever only they depend on
 * (the status page's own DNS): that DNS is part of how customers are told, not of what they are told about.
 */
final class Roles {

    private static final Set<ServiceKind> COMMUNICATION = Set.of(ServiceKind.STATUS, ServiceKind.NOTIFY, ServiceKind.CONTACTS, ServiceKind.MONITORING);

    private final Set<String> path = new HashSet<>();

    Roles(NoroshiConfig config) {
        Map<String, List<String>> dependents = new HashMap<>();
        for (Service service : config.services()) {
            if (COMMUNICATION.contains(service.kind())) path.add(service.id());
            for (String dependency : service.dependsOn()) {
                dependents.computeIfAbsent(dependency, k -> new java.util.ArrayList<>()).add(service.id());
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var entry : dependents.entrySet()) {
                if (!path.contains(entry.getKey()) && path.containsAll(entry.getValue())) grew |= path.add(entry.getKey());
            }
        }
    }

    /** True for what a status page reports on: everything off the communication path. */
    boolean reported(String serviceId) {
        return !path.contains(serviceId);
    }
}
