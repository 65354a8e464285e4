package io.noroshi.incident;

import io.noroshi.config.Text;
import java.time.Instant;
import java.util.List;

/** Planned work announced ahead, with its window and updates (oldest first). */
public record Maintenance(String id, Text name, MaintenanceStatus status, Impact impact, Instant scheduledFor,
                          Instant scheduledUntil, Instant createdAt, Instant updatedAt, List<IncidentUpdate> updates,
                          List<String> componentIds) {
    public Maintenance {
        updates = List.copyOf(updates);
        componentIds = List.copyOf(componentIds);
    }
}
