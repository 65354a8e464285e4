package io.noroshi.incident;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which status may follow which in a maintenance window's life: scheduled work starts or is
 * cancelled; work in progress goes to verifying, completes or is cancelled; verification may send
 * it back to in progress. Completed and cancelled are final.
 */
public final class MaintenanceLifecycle {

    private static final Map<MaintenanceStatus, List<MaintenanceStatus>> ALLOWED = allowed();

    private MaintenanceLifecycle() {
    }

    private static Map<MaintenanceStatus, List<MaintenanceStatus>> allowed() {
        var map = new EnumMap<MaintenanceStatus, List<MaintenanceStatus>>(MaintenanceStatus.class);
        map.put(MaintenanceStatus.SCHEDULED, List.of(MaintenanceStatus.IN_PROGRESS, MaintenanceStatus.CANCELLED));
        map.put(MaintenanceStatus.IN_PROGRESS, List.of(MaintenanceStatus.VERIFYING, MaintenanceStatus.COMPLETED, MaintenanceStatus.CANCELLED));
        map.put(MaintenanceStatus.VERIFYING, List.of(MaintenanceStatus.IN_PROGRESS, MaintenanceStatus.COMPLETED, MaintenanceStatus.CANCELLED));
        map.put(MaintenanceStatus.COMPLETED, List.of());
        map.put(MaintenanceStatus.CANCELLED, List.of());
        return map;
    }

    public static List<MaintenanceStatus> allowedFrom(MaintenanceStatus current) {
        return ALLOWED.get(current);
    }

    /** The operator's word for the step into {@code next}: start, verify, complete or cancel. */
    public static String action(MaintenanceStatus next) {
        return switch (next) {
            case IN_PROGRESS -> "start";
            case VERIFYING -> "verify";
            case COMPLETED -> "complete";
            case CANCELLED -> "cancel";
            case SCHEDULED -> "schedule";
        };
    }

    /** The actions that may follow {@code current}, as {@link #action} names them. */
    public static List<String> actionsFrom(MaintenanceStatus current) {
        return ALLOWED.get(current).stream().map(MaintenanceLifecycle::action).toList();
    }

    public static boolean allows(MaintenanceStatus current, MaintenanceStatus next) {
        return ALLOWED.get(current).contains(next);
    }
}
