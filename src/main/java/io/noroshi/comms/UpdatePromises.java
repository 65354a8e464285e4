package io.noroshi.comms;

import io.noroshi.comms.CommsStore.EstimateEvent;
import io.noroshi.comms.CommsStore.EstimateKind;
import io.noroshi.comms.CommsStore.Promise;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps what each update promised, in the update's own transaction: when the next update comes
 * (the structured field, else the default for the incident's impact and age) and the estimate of
 * recovery with its confidence (each one given, revised or declared unknown is kept).
 */
public final class UpdatePromises {

    private final CommsStore store;
    private final CommunicationSettings settings;

    public UpdatePromises(CommsStore store, CommunicationSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** After {@code after}'s last update is stored. */
    public void posted(Incident after, CommsUpdates.Structured given) {
        IncidentUpdate last = after.updates().getLast();
        Instant at = last.createdAt();
        Optional<Instant> next = after.isResolved() ? Optional.empty()
                : Optional.of(given.nextUpdateBy().orElseGet(() -> at.plus(settings.nextUpdate().after(after.impact(),
                        Duration.between(after.createdAt(), at)))));
        store.recordPromise(new Promise(after.id(), last.id(), at, next));
        store.acknowledge(after.id(), at); // the update the reminders asked for

        if (given.confidence().isEmpty() || after.isResolved()) return;
        String confidence = given.confidence().get();
        Optional<EstimateEvent> current = current(store.estimates(after.id()));
        if (current.isPresent() && current.get().estimateAt().equals(given.estimateAt()) && current.get().confidence().equals(confidence)) return;
        EstimateKind kind = confidence.equals("unknown") ? EstimateKind.UNKNOWN
                : current.filter(e -> e.kind() != EstimateKind.UNKNOWN).isPresent() || hadEstimate(store.estimates(after.id()))
                ? EstimateKind.REVISED : EstimateKind.GIVEN;
        store.recordEstimate(new EstimateEvent(after.id(), at, kind, given.estimateAt(), confidence));
    }

    /** The estimate in force: the last one given, revised or declared unknown (a missed one stays in force until revised). */
    static Optional<EstimateEvent> current(List<EstimateEvent> events) {
        return events.stream().filter(e -> e.kind() != EstimateKind.MISSED).reduce((a, b) -> b);
    }

    private static boolean hadEstimate(List<EstimateEvent> events) {
        return events.stream().anyMatch(e -> e.kind() == EstimateKind.GIVEN || e.kind() == EstimateKind.REVISED);
    }
}
