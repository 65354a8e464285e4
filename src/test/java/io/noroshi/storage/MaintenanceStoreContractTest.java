package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentUpdate;
import io.noroshi.incident.Maintenance;
import io.noroshi.incident.MaintenanceStatus;
import io.noroshi.incident.MaintenanceStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class MaintenanceStoreContractTest extends StoreContract {

    MaintenanceStoreContractTest(Engine engine) {
        super(engine);
    }

    private MaintenanceStore store() {
        return db().maintenance();
    }

    private Maintenance schedule(String name, Instant from) {
        return store().schedule(Text.of(name), Impact.MINOR, from, from.plusSeconds(3600), List.of("web"),
                Text.of("announcement"), T0);
    }

    @Test
    void scheduleStoresEveryFieldAndTheAnnouncementAsFirstUpdate() {
        var name = Text.of("Storage replacement", "ストレージ交換作業");
        var announcement = Text.of("Mail may be delayed.", "メールが遅延する場合があります。");
        Instant from = at(86_400);
        Instant until = at(90_000);

        Maintenance scheduled = store().schedule(name, Impact.MAJOR, from, until, List.of("mail", "dns", "web"),
                announcement, T0);

        assertThat(scheduled.id()).matches("[0-9a-z]{12}");
        assertThat(scheduled.name()).isEqualTo(name);
        assertThat(scheduled.status()).isEqualTo(MaintenanceStatus.SCHEDULED);
        assertThat(scheduled.impact()).isEqualTo(Impact.MAJOR);
        assertThat(scheduled.scheduledFor()).isEqualTo(from);
        assertThat(scheduled.scheduledUntil()).isEqualTo(until);
        assertThat(scheduled.createdAt()).isEqualTo(T0);
        assertThat(scheduled.updatedAt()).isEqualTo(T0);
        assertThat(scheduled.componentIds()).containsExactly("mail", "dns", "web");
        assertThat(scheduled.updates()).singleElement().satisfies(u -> {
            assertThat(u.id()).matches("[0-9a-z]{12}");
            assertThat(u.status()).isEqualTo("scheduled");
            assertThat(u.body()).isEqualTo(announcement);
            assertThat(u.createdAt()).isEqualTo(T0);
            assertThat(u.affected()).isEmpty();
        });
        assertThat(store().find(scheduled.id())).contains(scheduled);
        assertThat(scheduled.autoStart()).isFalse();
        assertThat(scheduled.autoComplete()).isFalse();
        Maintenance automatic = store().schedule(name, Impact.MINOR, from, until, List.of(), announcement, T0, true, true);
        assertThat(store().find(automatic.id())).hasValueSatisfying(m -> {
            assertThat(m.autoStart()).isTrue();
            assertThat(m.autoComplete()).isTrue();
        });
    }

    @Test
    void updatesMoveTheStatusAndKeepTheirOrder() {
        Maintenance scheduled = schedule("work", at(3600));

        store().addUpdate(scheduled.id(), MaintenanceStatus.IN_PROGRESS, Text.of("started", "開始"), at(3600));
        store().addUpdate(scheduled.id(), MaintenanceStatus.VERIFYING, Text.of("checking"), at(5000));
        Maintenance completed = store().addUpdate(scheduled.id(), MaintenanceStatus.COMPLETED, Text.of("done"), at(6000))
                .orElseThrow();

        assertThat(completed.status()).isEqualTo(MaintenanceStatus.COMPLETED);
        assertThat(completed.updatedAt()).isEqualTo(at(6000));
        assertThat(completed.updates()).extracting(IncidentUpdate::status)
                .containsExactly("scheduled", "in_progress", "verifying", "completed");
        assertThat(completed.updates().get(1).body()).isEqualTo(Text.of("started", "開始"));
        assertThat(store().find(scheduled.id())).contains(completed);
    }

    @Test
    void unknownIdsGiveEmpty() {
        schedule("known", at(60));

        assertThat(store().find("nosuchid0000")).isEmpty();
        assertThat(store().addUpdate("nosuchid0000", MaintenanceStatus.COMPLETED, Text.of("x"), at(1))).isEmpty();
        assertThat(store().history(0, 10)).hasSize(1);
    }

    @Test
    void openListsUncompletedMaintenanceSoonestFirst() {
        Maintenance later = schedule("later", at(7200));
        Maintenance done = schedule("done", at(60));
        Maintenance sooner = schedule("sooner", at(3600));
        Maintenance running = schedule("running", at(-600));
        store().addUpdate(done.id(), MaintenanceStatus.COMPLETED, Text.of("done"), at(100));
        store().addUpdate(running.id(), MaintenanceStatus.IN_PROGRESS, Text.of("on it"), at(0));

        assertThat(store().open()).extracting(Maintenance::id).containsExactly(running.id(), sooner.id(), later.id());
    }

    @Test
    void historyPagesNewestScheduledFirst() {
        Maintenance first = schedule("a", at(100));
        Maintenance third = schedule("c", at(300));
        Maintenance second = schedule("b", at(200));

        assertThat(store().history(0, 2)).extracting(Maintenance::id).containsExactly(third.id(), second.id());
        assertThat(store().history(2, 2)).extracting(Maintenance::id).containsExactly(first.id());
        assertThat(store().history(3, 2)).isEmpty();
    }

    @Test
    void aCancelledMaintenanceIsStoredAsCancelledAndIsNoLongerOpen() {
        Maintenance scheduled = schedule("Cancelled", at(86_400));

        Maintenance cancelled = store().addUpdate(scheduled.id(), MaintenanceStatus.CANCELLED, Text.of("called off"), at(60)).orElseThrow();

        assertThat(cancelled.status()).isEqualTo(MaintenanceStatus.CANCELLED);
        assertThat(store().find(scheduled.id())).contains(cancelled);
        assertThat(store().open()).extracting(Maintenance::id).doesNotContain(scheduled.id());
        assertThat(db().allOrNothing().together(() -> store().statusForChange(scheduled.id()))).contains(MaintenanceStatus.CANCELLED);
    }
}
