package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.component.ComponentState;
import io.noroshi.component.ComponentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class ComponentStateStoreContractTest extends StoreContract {

    ComponentStateStoreContractTest(Engine engine) {
        super(engine);
    }

    @Test
    void nothingIsStoredAtFirst() {
        assertThat(db().componentStates().all()).isEmpty();
    }

    @Test
    void putStoresEveryFieldKeyedByComponent() {
        var mail = new ComponentState("mail", ComponentStatus.MAJOR_OUTAGE, T0, true);
        var web = new ComponentState("web", ComponentStatus.DEGRADED_PERFORMANCE, Instant.parse("2026-03-01T00:00:00.001Z"), false, true);

        db().componentStates().put(mail);
        db().componentStates().put(web);

        assertThat(db().componentStates().all()).containsOnlyKeys("mail", "web")
                .containsEntry("mail", mail)
                .containsEntry("web", web);
    }

    @Test
    void putReplacesTheStateOfTheSameComponent() {
        db().componentStates().put(new ComponentState("dns", ComponentStatus.PARTIAL_OUTAGE, T0, true));
        var recovered = new ComponentState("dns", ComponentStatus.OPERATIONAL, at(90), false);

        db().componentStates().put(recovered);

        assertThat(db().componentStates().all()).containsExactlyEntriesOf(java.util.Map.of("dns", recovered));
    }

    @Test
    void everyStatusRoundTrips() {
        for (ComponentStatus status : ComponentStatus.values()) {
            db().componentStates().put(new ComponentState(status.wire(), status, T0, false));
        }

        assertThat(db().componentStates().all().values())
                .extracting(ComponentState::status).containsExactlyInAnyOrder(ComponentStatus.values());
    }

    @Test
    void putReturnsTheStatusItReplacedAndOperationalForTheFirstWrite() {
        var states = db().componentStates();

        assertThat(states.put(new ComponentState("mail", ComponentStatus.MAJOR_OUTAGE, T0, false))).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(states.put(new ComponentState("mail", ComponentStatus.PARTIAL_OUTAGE, at(60), true))).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(states.put(new ComponentState("mail", ComponentStatus.PARTIAL_OUTAGE, at(90), true))).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
        assertThat(states.all().get("mail").updatedAt()).isEqualTo(at(90));
    }

    /**
     * Several hubs on one database see the same verdict at once and each store it: exactly one of them may see the
     * old status (and announce the change); the others must see the new one. Run for a first write (no row yet) and
     * for changes of an existing row, with every writer released at the same moment.
     */
    @Test
    void ofWritersStoringTheSameChangeAtOnceExactlyOneSeesTheOldStatus() throws Exception {
        int writers = 6;
        List<ComponentStatus> rounds = List.of(ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, ComponentStatus.DEGRADED_PERFORMANCE,
                ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL);
        ComponentStatus before = ComponentStatus.OPERATIONAL;
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int round = 0; round < rounds.size(); round++) {
                ComponentStatus next = rounds.get(round);
                Instant when = at(round);
                var start = new CountDownLatch(1);
                List<Future<ComponentStatus>> seen = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    seen.add(pool.submit(() -> {
                        start.await();
                        return db().componentStates().put(new ComponentState("web", next, when, false));
                    }));
                }
                start.countDown();
                List<ComponentStatus> replaced = new ArrayList<>();
                for (Future<ComponentStatus> f : seen) replaced.add(f.get(1, TimeUnit.MINUTES));

                ComponentStatus old = before;
                assertThat(replaced).as("round %d: %s -> %s", round, old, next).containsOnly(old, next);
                assertThat(replaced).as("round %d: writers that saw %s", round, old).filteredOn(s -> s == old).hasSize(1);
                before = next;
            }
        }
    }
}
