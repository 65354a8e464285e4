package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore.NewUpdate;
import io.noroshi.incident.IncidentUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Several writers posting to one incident at once: every update kept, one gap-free order. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class ConcurrentIncidentUpdatesTest extends StoreContract {

    private static final int WRITERS = 8;
    private static final int UPDATES_PER_WRITER = 25;

    ConcurrentIncidentUpdatesTest(Engine engine) {
        super(engine);
    }

    @Test
    void eightWritersTimesTwentyFiveUpdatesGiveTwoHundredInOneGapFreeOrder() throws Exception {
        Incident incident = db().incidents().open(Text.of("busy"), Impact.MAJOR,
                new NewUpdate(IncidentStatus.INVESTIGATING, Text.of("first"), T0, List.of()));
        var start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < UPDATES_PER_WRITER; i++) {
                        var update = new NewUpdate(IncidentStatus.IDENTIFIED, Text.of(writer + ":" + i), at(i), List.of());
                        assertThat(db().incidents().addUpdate(incident.id(), update)).isPresent();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
        }

        List<IncidentUpdate> updates = db().incidents().find(incident.id()).orElseThrow().updates();
        List<String> bodies = updates.stream().map(u -> u.body().in("en")).toList();
        assertThat(updates).hasSize(1 + WRITERS * UPDATES_PER_WRITER);
        assertThat(bodies).doesNotHaveDuplicates();
        for (int w = 0; w < WRITERS; w++) {
            String prefix = w + ":";
            // Each writer posted in sequence, so its updates must appear in its own order.
            assertThat(bodies.stream().filter(b -> b.startsWith(prefix)).toList())
                    .containsExactlyElementsOf(IntStream.range(0, UPDATES_PER_WRITER).mapToObj(i -> prefix + i).toList());
        }
        List<Integer> sequence = db().jdbi().withHandle(h -> h.createQuery(
                        "SELECT seq FROM incident_updates WHERE incident_id = :id ORDER BY seq")
                .bind("id", incident.id()).mapTo(Integer.class).list());
        assertThat(sequence).isEqualTo(IntStream.rangeClosed(1, updates.size()).boxed().toList());
        List<String> idsBySequence = db().jdbi().withHandle(h -> h.createQuery(
                        "SELECT id FROM incident_updates WHERE incident_id = :id ORDER BY seq")
                .bind("id", incident.id()).mapTo(String.class).list());
        assertThat(updates).extracting(IncidentUpdate::id).isEqualTo(idsBySequence);
    }
}
