package io.noroshi.incident;

import io.noroshi.config.Text;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Incidents and their updates. Writes are atomic: an update and the incident's new status,
 * impact and component list are stored together or not at all; updates keep the order they were
 * accepted in, also under concurrent writers.
 */
public interface IncidentStore {

    /** Opens an incident with its first update; returns it as stored. */
    Incident open(Text name, Impact impact, NewUpdate first);

    /** Appends an update; the incident takes the update's status. Empty when the id is unknown. */
    Optional<Incident> addUpdate(String incidentId, NewUpdate update);

    /** Changes the impact. Empty when the id is unknown. */
    Optional<Incident> setImpact(String incidentId, Impact impact, Instant at);

    /** Attaches (or replaces) a postmortem; the status becomes postmortem. Empty when the id is unknown. */
    Optional<Incident> attachPostmortem(String incidentId, Text postmortem, Instant at);

    Optional<Incident> find(String incidentId);

    /**
     * The incident's status, held against other writers until the calling write transaction ends,
     * so a lifecycle check and the change it allows cannot be interleaved with another writer's.
     * Call it inside {@code AllOrNothing.together}. Empty when the id is unknown.
     */
    Optional<IncidentStatus> statusForChange(String incidentId);

    /** Incidents not resolved, newest first. */
    List<Incident> unresolved();

    /** All incidents, newest first by creation time, a page at a time. */
    List<Incident> history(int offset, int limit);

    int count();

    /**
     * Every incident as an {@link IncidentEntry}, newest first by creation time (ties by id,
     * descending), as {@link #history} orders them: the list the public site pages its history by.
     */
    List<IncidentEntry> entries();

    /**
     * The entries of incidents changed (or opened) at or after {@code since} by their
     * {@code updatedAt}, in no particular order: what a reader holding {@link #entries()} needs to
     * bring them up to date without reading the whole history again.
     */
    List<IncidentEntry> entriesChangedSince(Instant since);

    /** The incidents with these ids, in no particular order; unknown ids are left out. */
    List<Incident> findAll(Collection<String> ids);

    /**
     * An update as a writer submits it.
     *
     * @param status   the incident's status from now on
     * @param affected components this update changes
     */
    record NewUpdate(IncidentStatus status, Text body, Instant at, List<AffectedComponent> affected) {
        public NewUpdate {
            affected = List.copyOf(affected);
        }
    }
}
