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
    record Reminder(String incidentId, String kind, Instant dueAt, Instant sentAt, List<String> recipients, String message) {
        public Reminder {
            recipients = List.copyOf(recipients);
        }
    }

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
