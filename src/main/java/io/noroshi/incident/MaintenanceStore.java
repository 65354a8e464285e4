package io.noroshi.incident;

import io.noroshi.config.Text;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Scheduled maintenance windows and their updates; same atomicity as {@link IncidentStore}. */
public interface MaintenanceStore {

    /** Schedules a maintenance with its announcement text; status becomes scheduled. */
    default Maintenance schedule(Text name, Impact impact, Instant from, Instant until, List<String> componentIds, Text announcement,
                                 Instant at) {
        return schedule(name, impact, from, until, componentIds, announcement, at, false, false);
    }

    /**
     * Schedules a maintenance that the hub may start at {@code from} ({@code autoStart}) and
     * complete at {@code until} ({@code autoComplete}).
     */
    Maintenance schedule(Text name, Impact impact, Instant from, Instant until, List<String> componentIds, Text announcement,
                         Instant at, boolean autoStart, boolean autoComplete);

    /** Appends an update and moves the maintenance to {@code status}. Empty when the id is unknown. */
    Optional<Maintenance> addUpdate(String maintenanceId, MaintenanceStatus status, Text body, Instant at);

    Optional<Maintenance> find(String maintenanceId);

    /** As {@link IncidentStore#statusForChange}: the status, held until the calling write transaction ends. */
    Optional<MaintenanceStatus> statusForChange(String maintenanceId);

    /** Maintenance neither completed nor cancelled, soonest first. */
    List<Maintenance> open();

    /** All maintenance, newest scheduled first, a page at a time. */
    List<Maintenance> history(int offset, int limit);
}
