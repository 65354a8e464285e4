package io.noroshi.incident;

import io.noroshi.config.Text;
import java.time.Instant;
import java.util.List;

/**
 * One message posted on an incident or a maintenance, in order.
 *
 * @param id        stable id
 * @param status    the incident's status as of this update (for maintenance: the maintenance status wire name)
 * @param body      the text in one or both languages
 * @param createdAt when it was posted
 * @param affected  components whose status this update changed
 */
public record IncidentUpdate(String id, String status, Text body, Instant createdAt, List<AffectedComponent> affected) {
    public IncidentUpdate {
        affected = List.copyOf(affected);
    }
}
