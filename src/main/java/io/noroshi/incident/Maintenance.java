package io.noroshi.incident;

import io.noroshi.config.Text;
import java.time.Instant;
import java.util.List;

/**
 * Planned work announced ahead, with its window and updates (oldest first).
 *
 * @param autoStart    the hub starts it at {@code scheduledFor} when nobody did
 * @param autoComplete the hub completes it at {@code scheduledUntil} when nobody did
 */
public record Maintenance(String id, Text name, MaintenanceStatus status, Impact impact, Instant scheduledFor,
                          Instant scheduledUntil, Instant createdAt, Instant updatedAt, List<IncidentUpdate> updates,
                          List<String> componentIds, boolean autoStart, boolean autoComplete) {
    public Maintenance {
        updates = List.copyOf(updates);
        componentIds = List.copyOf(componentIds);
    }

    /** A maintenance people start and complete by hand. */
    public Maintenance(String id, Text name, MaintenanceStatus status, Impact impact, Instant scheduledFor, Instant scheduledUntil,
                       Instant createdAt, Instant updatedAt, List<IncidentUpdate> updates, List<String> componentIds) {
        this(id, name, status, impact, scheduledFor, scheduledUntil, createdAt, updatedAt, updates, componentIds, false, false);
    }
}
