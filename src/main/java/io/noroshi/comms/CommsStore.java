package io.noroshi.comms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the communication feature keeps per incident: the promise of each update, the history of
 * its estimates, and the reminders sent. Writes join the caller's transaction when there is one
 * (an update's promise commits with the update).
 */
public interface CommsStore {

    /** @param nextUpdateBy empty for a final (resolving) update */
    record Promise(String incidentId, String updateId, Instant postedAt, Optional<Instant> nextUpdateBy) {
    }

    /** The kinds of estimate event. */
    enum EstimateKind {
        GIVEN, REVISED, UNKNOWN, MISSED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param estimateAt empty for an explicit "unknown" */
    record EstimateEvent(String incidentId, Instant at, EstimateKind kind, Optional<Instant> estimateAt, String confidence) {
    }

    /** A reminder or warning sent to the team. */
    record Reminder(String incidentId, String kind, Instant dueAt, Instant sentAt, List<String> recipients, String message,
                    Optional<Instant> acknowledgedAt) {
        public Reminder {
            recipients = List.copyOf(recipients);
        }

        public Reminder(String incidentId, String kind, Instant dueAt, Instant sentAt, List<String> recipients, String message) {
            this(incidentId, kind, dueAt, sentAt, recipients, message, Optional.empty());
        }
    }

    /** Marks the incident's reminders sent so far as acknowledged at {@code at}; returns how many. */
    int acknowledge(String incidentId, Instant at);

    /** The states of a first-notice draft. */
    enum DraftState {
        /** Waiting: published by itself at {@code publishAt} when that is set. */
        PENDING,
        /** An operator took it over: never published by itself. */
        TAKEN,
        PUBLISHED,
        DISMISSED,
        /** The component recovered before it was published; left to an operator. */
        RECOVERED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A draft incident opened by a confirmed outage.
     *
     * @param detectedAt when the monitoring's verdict confirmed the outage
     * @param publishAt  when it is published by itself; empty when it waits for an operator
     * @param owner      the operator who took it over, empty while the hub owns it
     */
    record Draft(String id, String componentId, String monitorId, io.noroshi.incident.Impact impact, Instant detectedAt, Instant draftedAt,
                 Optional<Instant> publishAt, DraftState state, Optional<String> owner, Optional<String> incidentId,
                 Optional<Instant> publishedAt, io.noroshi.config.Text name, io.noroshi.config.Text body) {

        public Draft withBody(io.noroshi.config.Text text) {
            return new Draft(id, componentId, monitorId, impact, detectedAt, draftedAt, publishAt, state, owner, incidentId, publishedAt, name, text);
        }

        public Draft with(DraftState next) {
            return new Draft(id, componentId, monitorId, impact, detectedAt, draftedAt, Optional.empty(), next, owner, incidentId, publishedAt, name, body);
        }
    }

    /** What a recovery verdict suggests for an open incident (it never resolves by itself). */
    record Suggestion(String incidentId, Instant at, String step, String message) {
    }

    /** Stores a draft, replacing the one with its id. */
    void putDraft(Draft draft);

    Optional<Draft> draft(String id);

    /** Drafts in any of {@code states}, oldest first. */
    List<Draft> drafts(java.util.Set<DraftState> states);

    /** The draft published as {@code incidentId}, if it came from one. */
    Optional<Draft> draftOf(String incidentId);

    void suggest(Suggestion suggestion);

    List<Suggestion> suggestions(String incidentId);

    void recordPromise(Promise promise);

    /** Promises of an incident, oldest first. */
    List<Promise> promises(String incidentId);

    void recordEstimate(EstimateEvent event);

    /** Estimate events of an incident, oldest first. */
    List<EstimateEvent> estimates(String incidentId);

    /** Records a reminder unless one of the same kind and deadline was sent; true when this call recorded it. */
    boolean claimReminder(Reminder reminder);

    /** Reminders of an incident, oldest first. */
    List<Reminder> reminders(String incidentId);
}
