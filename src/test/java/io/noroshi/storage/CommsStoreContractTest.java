package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.comms.CommsStore;
import io.noroshi.comms.CommsStore.Draft;
import io.noroshi.comms.CommsStore.DraftState;
import io.noroshi.comms.CommsStore.EstimateEvent;
import io.noroshi.comms.CommsStore.EstimateKind;
import io.noroshi.comms.CommsStore.Promise;
import io.noroshi.comms.CommsStore.Reminder;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore.NewUpdate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The communication feature's store on SQLite and PostgreSQL alike. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class CommsStoreContractTest extends StoreContract {

    CommsStoreContractTest(Engine engine) {
        super(engine);
    }

    private Incident incident() {
        var incidents = db().incidents();
        Incident opened = incidents.open(Text.of("Mail"), Impact.MAJOR, new NewUpdate(IncidentStatus.INVESTIGATING, Text.of("first"), T0, List.of()));
        return incidents.addUpdate(opened.id(), new NewUpdate(IncidentStatus.IDENTIFIED, Text.of("second"), T0, List.of())).orElseThrow();
    }

    @Test
    void promisesComeBackInTheOrderOfTheirUpdatesEvenAtTheSameInstant() {
        CommsStore store = db().comms();
        Incident i = incident();
        store.recordPromise(new Promise(i.id(), i.updates().get(1).id(), T0, Optional.empty()));
        store.recordPromise(new Promise(i.id(), i.updates().get(0).id(), T0, Optional.of(at(1800))));
        assertThat(store.promises(i.id())).extracting(Promise::nextUpdateBy).containsExactly(Optional.of(at(1800)), Optional.empty());
    }

    @Test
    void estimatesRemindersAndAcknowledgementsRoundTrip() {
        CommsStore store = db().comms();
        Incident i = incident();
        store.recordEstimate(new EstimateEvent(i.id(), at(60), EstimateKind.GIVEN, Optional.of(at(3600)), "medium"));
        store.recordEstimate(new EstimateEvent(i.id(), at(60), EstimateKind.GIVEN, Optional.of(at(3600)), "medium")); // repeated: kept once
        store.recordEstimate(new EstimateEvent(i.id(), at(120), EstimateKind.UNKNOWN, Optional.empty(), "unknown"));
        assertThat(store.estimates(i.id())).containsExactly(new EstimateEvent(i.id(), at(60), EstimateKind.GIVEN, Optional.of(at(3600)), "medium"),
                new EstimateEvent(i.id(), at(120), EstimateKind.UNKNOWN, Optional.empty(), "unknown"));

        var reminder = new Reminder(i.id(), "next-update-soon", at(1800), at(1500), List.of("aiko", "dana"), "due soon");
        assertThat(store.claimReminder(reminder)).isTrue();
        assertThat(store.claimReminder(reminder)).isFalse();
        assertThat(store.acknowledge(i.id(), at(1560))).isEqualTo(1);
        assertThat(store.acknowledge(i.id(), at(1600))).isZero();
        assertThat(store.reminders(i.id())).containsExactly(new Reminder(i.id(), "next-update-soon", at(1800), at(1500), List.of("aiko", "dana"),
                "due soon", Optional.of(at(1560))));
    }

    @Test
    void draftsAndSuggestionsRoundTrip() {
        CommsStore store = db().comms();
        var draft = new Draft("d0123456789", "mail", "mail-smtp", Impact.MAJOR, T0, at(1), Optional.of(at(301)), DraftState.PENDING,
                Optional.empty(), Optional.empty(), Optional.empty(), Text.of("Mail is unavailable", "メールがご利用いただけません"), Text.of("en body", "本文"));
        store.putDraft(draft);
        assertThat(store.draft(draft.id())).contains(draft);
        assertThat(store.drafts(Set.of(DraftState.PENDING))).containsExactly(draft);
        Incident i = incident();
        var published = new Draft(draft.id(), "mail", "mail-smtp", Impact.MAJOR, T0, at(1), Optional.of(at(301)), DraftState.PUBLISHED,
                Optional.of("ops@example.com"), Optional.of(i.id()), Optional.of(at(301)), draft.name(), draft.body());
        store.putDraft(published);
        assertThat(store.drafts(Set.of(DraftState.PENDING))).isEmpty();
        assertThat(store.draftOf(i.id())).contains(published);
        store.suggest(new CommsStore.Suggestion(i.id(), at(900), "monitoring", "up again"));
        assertThat(store.suggestions(i.id())).extracting(CommsStore.Suggestion::step).containsExactly("monitoring");
    }
}
