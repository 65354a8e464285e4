package io.noroshi.storage;

import static io.noroshi.component.ComponentStatus.DEGRADED_PERFORMANCE;
import static io.noroshi.component.ComponentStatus.MAJOR_OUTAGE;
import static io.noroshi.component.ComponentStatus.OPERATIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noroshi.config.Text;
import io.noroshi.incident.AffectedComponent;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentEntry;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore;
import io.noroshi.incident.IncidentStore.NewUpdate;
import io.noroshi.incident.IncidentUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class IncidentStoreContractTest extends StoreContract {

    IncidentStoreContractTest(Engine engine) {
        super(engine);
    }

    private IncidentStore store() {
        return db().incidents();
    }

    private static NewUpdate update(IncidentStatus status, String body, Instant at, AffectedComponent... affected) {
        return new NewUpdate(status, Text.of(body), at, List.of(affected));
    }

    @Test
    void openStoresEveryFieldAndFindReturnsItUnchanged() {
        var name = Text.of("Mail delivery delayed", "メール配送の遅延「至急」");
        var body = Text.of("We are investigating.", "調査中です。復旧見込みは未定です。");
        var first = new NewUpdate(IncidentStatus.INVESTIGATING, body, T0,
                List.of(new AffectedComponent("mail", OPERATIONAL, MAJOR_OUTAGE),
                        new AffectedComponent("web", OPERATIONAL, DEGRADED_PERFORMANCE)));

        Incident opened = store().open(name, Impact.MAJOR, first);

        assertThat(opened.id()).matches("[0-9a-z]{12}");
        assertThat(opened.name()).isEqualTo(name);
        assertThat(opened.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(opened.impact()).isEqualTo(Impact.MAJOR);
        assertThat(opened.createdAt()).isEqualTo(T0);
        assertThat(opened.updatedAt()).isEqualTo(T0);
        assertThat(opened.resolvedAt()).isEmpty();
        assertThat(opened.componentIds()).containsExactly("mail", "web");
        assertThat(opened.postmortem()).isEqualTo(Text.EMPTY);
        IncidentUpdate stored = opened.updates().getFirst();
        assertThat(opened.updates()).hasSize(1);
        assertThat(stored.id()).matches("[0-9a-z]{12}").isNotEqualTo(opened.id());
        assertThat(stored.status()).isEqualTo("investigating");
        assertThat(stored.body()).isEqualTo(body);
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.affected()).isEqualTo(first.affected());
        assertThat(store().find(opened.id())).contains(opened);
    }

    @Test
    void textForEveryLanguageRoundTrips() {
        var everyLanguage = Text.of("同じ文 / same text");
        var threeLanguages = new Text(Map.of("en", "Down", "ja", "停止中", "de", "Ausfall \"groß\" \\ <b>"));

        Incident opened = store().open(everyLanguage, Impact.NONE,
                new NewUpdate(IncidentStatus.INVESTIGATING, threeLanguages, T0, List.of()));

        Incident found = store().find(opened.id()).orElseThrow();
        assertThat(found.name().byLanguage()).containsExactly(Map.entry("*", "同じ文 / same text"));
        assertThat(found.updates().getFirst().body()).isEqualTo(threeLanguages);
    }

    @Test
    void updatesKeepTheirOrderAndTheIncidentTakesTheLatestStatus() {
        Incident opened = store().open(Text.of("DNS"), Impact.MINOR, update(IncidentStatus.INVESTIGATING, "looking", T0,
                new AffectedComponent("dns", OPERATIONAL, MAJOR_OUTAGE)));

        store().addUpdate(opened.id(), update(IncidentStatus.IDENTIFIED, "SAN failed", at(60),
                new AffectedComponent("mail", OPERATIONAL, MAJOR_OUTAGE),
                new AffectedComponent("dns", MAJOR_OUTAGE, MAJOR_OUTAGE)));
        Incident monitoring = store().addUpdate(opened.id(), update(IncidentStatus.MONITORING, "fix deployed", at(120),
                new AffectedComponent("web", MAJOR_OUTAGE, OPERATIONAL))).orElseThrow();

        assertThat(monitoring.status()).isEqualTo(IncidentStatus.MONITORING);
        assertThat(monitoring.updatedAt()).isEqualTo(at(120));
        assertThat(monitoring.createdAt()).isEqualTo(T0);
        assertThat(monitoring.updates()).extracting(u -> u.body().in("en")).containsExactly("looking", "SAN failed", "fix deployed");
        assertThat(monitoring.updates()).extracting(IncidentUpdate::status).containsExactly("investigating", "identified", "monitoring");
        assertThat(monitoring.componentIds()).containsExactly("dns", "mail", "web");
        assertThat(monitoring.isResolved()).isFalse();
        assertThat(store().find(opened.id())).contains(monitoring);
    }

    @Test
    void resolvedAtIsTheLatestResolutionAndEmptyWhileReopened() {
        Incident opened = store().open(Text.of("Web"), Impact.MAJOR, update(IncidentStatus.INVESTIGATING, "a", T0));
        store().addUpdate(opened.id(), update(IncidentStatus.RESOLVED, "fixed", at(300)));
        Incident reopened = store().addUpdate(opened.id(), update(IncidentStatus.INVESTIGATING, "back again", at(400))).orElseThrow();
        Incident resolvedAgain = store().addUpdate(opened.id(), update(IncidentStatus.RESOLVED, "fixed for good", at(500)))
                .orElseThrow();

        assertThat(reopened.resolvedAt()).isEmpty();
        assertThat(resolvedAgain.resolvedAt()).contains(at(500));
        assertThat(resolvedAgain.isResolved()).isTrue();
        assertThat(store().attachPostmortem(opened.id(), Text.of("why"), at(600)).orElseThrow().resolvedAt()).contains(at(500));
    }

    @Test
    void statusForChangeReadsTheStoredStatusInsideAWrite() {
        Incident opened = store().open(Text.of("Web"), Impact.MAJOR, update(IncidentStatus.IDENTIFIED, "a", T0));

        assertThat(db().allOrNothing().together(() -> store().statusForChange(opened.id()))).contains(IncidentStatus.IDENTIFIED);
        assertThat(db().allOrNothing().together(() -> store().statusForChange("nosuchid0000"))).isEmpty();
    }

    @Test
    void setImpactChangesImpactOnly() {
        Incident opened = store().open(Text.of("Web"), Impact.MINOR, update(IncidentStatus.IDENTIFIED, "a", T0));

        Incident changed = store().setImpact(opened.id(), Impact.CRITICAL, at(30)).orElseThrow();

        assertThat(changed.impact()).isEqualTo(Impact.CRITICAL);
        assertThat(changed.updatedAt()).isEqualTo(at(30));
        assertThat(changed.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(changed.updates()).isEqualTo(opened.updates());
    }

    @Test
    void attachingAPostmortemMovesTheIncidentToPostmortemAndCanReplaceIt() {
        Incident opened = store().open(Text.of("SAN"), Impact.CRITICAL, update(IncidentStatus.RESOLVED, "done", T0));
        var first = Text.of("Root cause: one SAN.", "原因：単一のSAN。");
        var second = Text.of("Root cause: one SAN in one data center.", "原因：一つのデータセンターの単一SAN。");

        store().attachPostmortem(opened.id(), first, at(3600));
        Incident replaced = store().attachPostmortem(opened.id(), second, at(7200)).orElseThrow();

        assertThat(replaced.status()).isEqualTo(IncidentStatus.POSTMORTEM);
        assertThat(replaced.postmortem()).isEqualTo(second);
        assertThat(replaced.updatedAt()).isEqualTo(at(7200));
        assertThat(replaced.resolvedAt()).contains(T0);
        assertThat(store().find(opened.id())).contains(replaced);
    }

    @Test
    void unknownIdsGiveEmptyAndStoreNothing() {
        store().open(Text.of("Known"), Impact.NONE, update(IncidentStatus.INVESTIGATING, "a", T0));

        assertThat(store().find("nosuchid0000")).isEmpty();
        assertThat(store().addUpdate("nosuchid0000", update(IncidentStatus.RESOLVED, "x", at(1)))).isEmpty();
        assertThat(store().setImpact("nosuchid0000", Impact.MAJOR, at(1))).isEmpty();
        assertThat(store().attachPostmortem("nosuchid0000", Text.of("x"), at(1))).isEmpty();
        assertThat(store().count()).isEqualTo(1);
        int updates = fresh.db().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM incident_updates")
                .mapTo(Integer.class).one());
        assertThat(updates).isEqualTo(1);
    }

    @Test
    void unresolvedListsOpenIncidentsNewestFirst() {
        Incident older = store().open(Text.of("older"), Impact.MINOR, update(IncidentStatus.INVESTIGATING, "a", T0));
        Incident resolved = store().open(Text.of("resolved"), Impact.MINOR, update(IncidentStatus.INVESTIGATING, "a", at(10)));
        Incident newer = store().open(Text.of("newer"), Impact.MINOR, update(IncidentStatus.MONITORING, "a", at(20)));
        Incident postmortem = store().open(Text.of("pm"), Impact.MINOR, update(IncidentStatus.RESOLVED, "a", at(30)));
        store().addUpdate(resolved.id(), update(IncidentStatus.RESOLVED, "ok", at(40)));
        store().attachPostmortem(postmortem.id(), Text.of("why"), at(50));

        assertThat(store().unresolved()).extracting(Incident::id).containsExactly(newer.id(), older.id());
    }

    @Test
    void historyPagesNewestFirst() {
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            ids.addFirst(store().open(Text.of("incident " + i), Impact.MINOR,
                    update(IncidentStatus.RESOLVED, "r", at(i * 60L))).id());
        }

        assertThat(store().count()).isEqualTo(5);
        assertThat(store().history(0, 2)).extracting(Incident::id).containsExactly(ids.get(0), ids.get(1));
        assertThat(store().history(2, 2)).extracting(Incident::id).containsExactly(ids.get(2), ids.get(3));
        assertThat(store().history(4, 2)).extracting(Incident::id).containsExactly(ids.get(4));
        assertThat(store().history(5, 2)).isEmpty();
        assertThat(store().history(0, 100)).extracting(Incident::id).isEqualTo(ids);
        assertThat(store().history(0, 100).getFirst().updates()).hasSize(1);
        assertThatThrownBy(() -> store().history(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entriesListEveryIncidentNewestFirstAndEveryChangeBumpsTheRevision() {
        var a = store().open(Text.of("a"), Impact.MINOR, update(IncidentStatus.INVESTIGATING, "a", at(0)));
        var b = store().open(Text.of("b"), Impact.MINOR, update(IncidentStatus.INVESTIGATING, "b", at(60)));
        var c = store().open(Text.of("c"), Impact.MINOR, update(IncidentStatus.INVESTIGATING, "c", at(60)));
        String tieFirst = b.id().compareTo(c.id()) > 0 ? b.id() : c.id();
        String tieSecond = tieFirst.equals(b.id()) ? c.id() : b.id();

        assertThat(store().entries()).extracting(IncidentEntry::id).containsExactly(tieFirst, tieSecond, a.id());
        assertThat(store().entries()).extracting(IncidentEntry::id)
                .isEqualTo(store().history(0, 10).stream().map(Incident::id).toList());
        int before = store().entries().getLast().revision();
        store().addUpdate(a.id(), update(IncidentStatus.IDENTIFIED, "found", at(120)));
        store().setImpact(a.id(), Impact.MAJOR, at(120));
        store().attachPostmortem(a.id(), Text.of("pm"), at(120));
        IncidentEntry changed = store().entries().getLast();
        assertThat(changed.revision()).isEqualTo(before + 3);
        assertThat(changed.updatedAt()).isEqualTo(at(120));
        assertThat(changed.createdAt()).isEqualTo(at(0));
        assertThat(store().entriesChangedSince(at(120))).containsExactly(changed);
        assertThat(store().entriesChangedSince(at(60))).extracting(IncidentEntry::id).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
        assertThat(store().findAll(List.of(a.id(), c.id(), "nosuchid0000"))).extracting(Incident::id)
                .containsExactlyInAnyOrder(a.id(), c.id());
        assertThat(store().findAll(List.of())).isEmpty();
    }

    @Test
    void instantsRoundTripAtMillisecondPrecisionAcrossTheEpochAndFarAhead() {
        Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59.999Z");
        Instant farAhead = Instant.parse("2999-12-31T23:59:59.001Z");

        Incident opened = store().open(Text.of("t"), Impact.NONE, update(IncidentStatus.INVESTIGATING, "a", beforeEpoch));
        store().addUpdate(opened.id(), update(IncidentStatus.RESOLVED, "b", farAhead));

        Incident found = store().find(opened.id()).orElseThrow();
        assertThat(found.createdAt()).isEqualTo(beforeEpoch);
        assertThat(found.updatedAt()).isEqualTo(farAhead);
        assertThat(found.resolvedAt()).isEqualTo(Optional.of(farAhead));
    }

    @Test
    void subMillisecondPartsAreDropped() {
        Instant withNanos = Instant.parse("2026-03-01T09:15:30.123456789Z");

        Incident opened = store().open(Text.of("t"), Impact.NONE, update(IncidentStatus.INVESTIGATING, "a", withNanos));

        assertThat(store().find(opened.id()).orElseThrow().createdAt()).isEqualTo(Instant.parse("2026-03-01T09:15:30.123Z"));
    }

    @Test
    void readsShowUpdatesAppendedThroughAnotherConnectionAsAnotherHubWould() {
        Incident opened = store().open(Text.of("t"), Impact.MINOR, update(IncidentStatus.INVESTIGATING, "first", T0));
        assertThat(store().history(0, 10).getFirst().updates()).hasSize(1);   // now remembered by this hub
        try (Database otherHub = Database.open(fresh.settings())) {
            otherHub.incidents().addUpdate(opened.id(), update(IncidentStatus.IDENTIFIED, "second", T0.plusSeconds(60)));
            otherHub.incidents().setImpact(opened.id(), Impact.MAJOR, T0.plusSeconds(61));
        }

        Incident read = store().history(0, 10).getFirst();
        assertThat(read.updates()).extracting(u -> u.body().in("en")).containsExactly("first", "second");
        assertThat(read.impact()).isEqualTo(Impact.MAJOR);
        assertThat(store().unresolved().getFirst()).isEqualTo(read);
        assertThat(store().find(opened.id())).contains(read);
    }

    @Test
    void writesInsideOneAllOrNothingAreRolledBackTogether() {
        Incident opened = store().open(Text.of("t"), Impact.MINOR, update(IncidentStatus.INVESTIGATING, "first", T0));
        store().history(0, 10);

        assertThatThrownBy(() -> db().allOrNothing().together(() -> {
            store().addUpdate(opened.id(), update(IncidentStatus.IDENTIFIED, "rolled back", T0.plusSeconds(1)));
            // Read back inside the transaction: the write is visible here, and must not be remembered.
            assertThat(store().find(opened.id()).orElseThrow().updates()).hasSize(2);
            throw new IllegalStateException("a later write failed");
        })).hasMessage("a later write failed");

        assertThat(store().find(opened.id()).orElseThrow().updates()).extracting(u -> u.body().in("en")).containsExactly("first");
        Incident next = store().addUpdate(opened.id(), update(IncidentStatus.MONITORING, "kept", T0.plusSeconds(2))).orElseThrow();
        assertThat(next.updates()).extracting(u -> u.body().in("en")).containsExactly("first", "kept");
        assertThat(store().history(0, 10).getFirst().updates()).extracting(u -> u.body().in("en")).containsExactly("first", "kept");
    }

    @Test
    void aWriteReadingAnIncidentBeforeItsChangeReusesWhatACommittedReadRemembered() {
        Incident opened = store().open(Text.of("t"), Impact.MINOR, update(IncidentStatus.INVESTIGATING, "first", T0));
        Incident committed = store().find(opened.id()).orElseThrow();

        Incident before = db().allOrNothing().together(() -> store().find(opened.id()).orElseThrow());
        assertThat(before).isSameAs(committed);

        Incident after = db().allOrNothing().together(() -> {
            store().addUpdate(opened.id(), update(IncidentStatus.IDENTIFIED, "second", T0.plusSeconds(1)));
            return store().find(opened.id()).orElseThrow();
        });
        assertThat(after.updates()).extracting(u -> u.body().in("en")).containsExactly("first", "second");
    }

    @Test
    void anUnchangedIncidentIsHandedOutAgainAsTheSameInstanceAndAChangedOneAsANewOne() {
        Incident quiet = store().open(Text.of("quiet"), Impact.MINOR, update(IncidentStatus.INVESTIGATING, "a", T0));
        Incident busy = store().open(Text.of("busy"), Impact.MINOR, update(IncidentStatus.INVESTIGATING, "b", T0.plusSeconds(1)));
        List<Incident> first = store().history(0, 10);

        store().setImpact(busy.id(), Impact.MAJOR, T0.plusSeconds(2));
        List<Incident> second = store().history(0, 10);

        // The site's renderer keys its kept pages by incident identity; equal values are still equal.
        assertThat(second.get(1)).isSameAs(first.get(1)).extracting(Incident::id).isEqualTo(quiet.id());
        assertThat(second.get(0)).isNotSameAs(first.get(0)).extracting(Incident::impact).isEqualTo(Impact.MAJOR);
        assertThat(second.get(0).updates()).isEqualTo(first.get(0).updates());
    }
}
