package io.noroshi.incident;

import io.noroshi.config.Text;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An unplanned disruption and what was said about it.
 *
 * @param updates      oldest first
 * @param componentIds components it affects (the union over its updates)
 * @param postmortem   text attached after resolution, empty when none
 */
public record Incident(String id, Text name, IncidentStatus status, Impact impact, Instant createdAt, Instant updatedAt,
                       Optional<Instant> resolvedAt, List<IncidentUpdate> updates, List<String> componentIds,
                       Text postmortem) {
    public Incident {
        updates = List.copyOf(updates);
        componentIds = List.copyOf(componentIds);
        postmortem = postmortem == null ? Text.EMPTY : postmortem;
    }

    public boolean isResolved() {
        return status.isClosed();
    }
}
