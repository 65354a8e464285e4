package io.noroshi.statuspage;

import io.noroshi.config.Text;
import io.noroshi.incident.Incident;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Lines another feature adds under an open incident on the public page (the communication
 * feature's "next update by 14:30", "the estimate has passed"), in every language.
 */
@FunctionalInterface
public interface IncidentNotes {

    IncidentNotes NONE = (unresolved, now) -> Map.of();

    /** The notes of each incident that has some, by incident id, as of {@code now}. */
    Map<String, List<Text>> notes(List<Incident> unresolved, Instant now);
}
