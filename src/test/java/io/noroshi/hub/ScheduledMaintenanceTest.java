package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.account.Actor;
import io.noroshi.admin.MaintenanceDraft;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.MaintenanceStatus;
import io.noroshi.probe.FakeClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding 5 of issue 10: maintenance flagged auto_start / auto_complete moves by itself at its times. */
class ScheduledMaintenanceTest {

    @TempDir
    Path dir;

    @Test
    void aFlaggedMaintenanceStartsAndCompletesAtItsScheduledTimesAndAnUnflaggedOneWaitsForPeople() throws Exception {
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        var clock = new FakeClock(t0);
        Path config = dir.resolve("noroshi.yaml");
        Files.writeString(config, """
                page: {name: Acme}
                components:
                  - {id: db, name: Database}
                  - {id: web, name: Web}
                """);
        try (Hub hub = Hub.start(new HubOptions(config, false, "127.0.0.1", 0, dir.resolve("data"), null), clock.withZone(ZoneOffset.UTC))) {
            var operator = hub.admin().accounts().create("ops@example.com", "correct horse battery".toCharArray());
            var actor = Actor.session(operator);
            var auto = hub.admin().maintenance().schedule(actor, new MaintenanceDraft(Text.of("DB upgrade"), Impact.MINOR,
                    t0.plus(Duration.ofHours(1)), t0.plus(Duration.ofHours(2)), List.of("db"), Text.of("Planned."), true, true));
            var manual = hub.admin().maintenance().schedule(actor, new MaintenanceDraft(Text.of("Web move"), Impact.MINOR,
                    t0.plus(Duration.ofHours(1)), t0.plus(Duration.ofHours(2)), List.of("web"), Text.of("Planned.")));
            var schedule = hub.admin().maintenanceSchedule();

            assertThat(schedule.run()).as("nothing is due yet").isZero();
            clock.advance(Duration.ofHours(1));
            schedule.run(); // the hub's own timer may take the step first; either way it is taken once
            assertThat(hub.admin().maintenance().find(auto.id()).status()).isEqualTo(MaintenanceStatus.IN_PROGRESS);
            assertThat(hub.admin().maintenance().find(manual.id()).status()).isEqualTo(MaintenanceStatus.SCHEDULED);
            assertThat(hub.database().componentStates().all().get("db").status()).isEqualTo(ComponentStatus.UNDER_MAINTENANCE);

            clock.advance(Duration.ofHours(1));
            schedule.run();
            var done = hub.admin().maintenance().find(auto.id());
            assertThat(done.status()).isEqualTo(MaintenanceStatus.COMPLETED);
            assertThat(done.updates()).extracting(u -> u.createdAt()).containsExactly(t0, t0.plus(Duration.ofHours(1)), t0.plus(Duration.ofHours(2)));
            assertThat(hub.database().componentStates().all().get("db").status()).isEqualTo(ComponentStatus.OPERATIONAL);
            assertThat(schedule.run()).isZero();
        }
    }
}
