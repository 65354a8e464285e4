package io.noroshi.statuspage;

import static io.noroshi.testing.SeededTries.check;
import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.component.ComponentState;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Text;
import io.noroshi.incident.AffectedComponent;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore.NewUpdate;
import io.noroshi.incident.Maintenance;
import io.noroshi.incident.MaintenanceStatus;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseSettings;
import io.noroshi.testing.Cases;
import io.noroshi.uptime.DailyUptime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The incremental render (a renderer that keeps its previous render, over stores that reuse what
 * they read before) must give exactly what a fresh renderer gives from a full read, after any
 * sequence of writes: every path, body, ETag and gzip form. Real SQLite, real stores.
 */
class IncrementalRenderProperties {

    private static final List<String> COMPONENTS = SiteFixture.CONFIG.components().stream().map(c -> c.id()).toList();

    /** One write, as an operator or a monitor would make it; {@code which} picks among existing events. */
    sealed interface Write {
    }

    record Open(String name, Impact impact, int component, ComponentStatus status) implements Write {
    }

    record Update(int which, IncidentStatus status, String body, int component, ComponentStatus to) implements Write {
    }

    record SetImpact(int which, Impact impact) implements Write {
    }

    record Postmortem(int which, String body) implements Write {
    }

    record ComponentChange(int component, ComponentStatus status) implements Write {
    }

    record Schedule(String name, int hoursAhead, int component) implements Write {
    }

    record MoveMaintenance(int which, MaintenanceStatus to) implements Write {
    }

    /** A monitor's daily roll-up of one component, {@code daysAgo} before today. */
    record Uptime(int component, int daysAgo, long outageSeconds) implements Write {
    }

    /** Time passing: within the same second, into the next, or past the minute the footer shows. */
    record Tick(long millis) implements Write {
    }

    @Test
    void incrementalRenderEqualsAFullRenderAfterEveryWrite() {
        check("incremental render equals a full render", 15, cases -> incrementalRenderEqualsAFullRender(writes(cases)));
    }

    private static void incrementalRenderEqualsAFullRender(List<Write> writes) throws IOException {
        Path dir = Files.createTempDirectory("noroshi-incremental");
        var now = new AtomicReference<>(SiteFixture.NOW);
        InstantSource clock = now::get;
        try (Database db = Database.open(DatabaseSettings.Sqlite.inDataDir(dir));
             Database other = Database.open(DatabaseSettings.Sqlite.inDataDir(dir))) {
            var source = new PageDataSource(SiteFixture.CONFIG, db.incidents(), db.maintenance(), db.componentStates(), db.uptime(), clock);
            var incremental = new SiteRenderer();
            for (Write write : writes) {
                apply(write, db, now);
                Snapshot kept = incremental.render(source.read());
                // A new source for each full read: a source keeps the history's entries and the uptime between reads.
                var fullRead = new PageDataSource(SiteFixture.CONFIG, other.incidents(), other.maintenance(), other.componentStates(),
                        other.uptime(), clock);
                // A second Database on the same file, read only inside write transactions, whose
                // reads are never remembered: its stores know nothing, so this is the full read.
                Snapshot full = new SiteRenderer().render(other.allOrNothing().together(fullRead::read));
                assertSameSite(kept, full, write);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void apply(Write write, Database db, AtomicReference<Instant> now) {
        Instant at = now.get();
        List<Incident> incidents = db.incidents().history(0, 1000);
        List<Maintenance> maintenance = db.maintenance().history(0, 1000);
        switch (write) {
            case Open o -> db.incidents().open(Text.of(o.name(), o.name() + " (ja)"), o.impact(), new NewUpdate(IncidentStatus.INVESTIGATING,
                    Text.of("Investigating " + o.name()), at, List.of(affected(o.component(), o.status()))));
            case Update u -> {
                if (incidents.isEmpty()) return;
                db.incidents().addUpdate(incidents.get(u.which() % incidents.size()).id(),
                        new NewUpdate(u.status(), Text.of(u.body(), "更新 " + u.body()), at, List.of(affected(u.component(), u.to()))));
            }
            case SetImpact s -> {
                if (!incidents.isEmpty()) db.incidents().setImpact(incidents.get(s.which() % incidents.size()).id(), s.impact(), at);
            }
            case Postmortem p -> {
                if (!incidents.isEmpty()) db.incidents().attachPostmortem(incidents.get(p.which() % incidents.size()).id(), Text.of(p.body()), at);
            }
            case ComponentChange c -> db.componentStates().put(new ComponentState(component(c.component()), c.status(), at,
                    c.status() != ComponentStatus.OPERATIONAL));
            case Schedule s -> db.maintenance().schedule(Text.of(s.name()), Impact.MINOR, at.plus(Duration.ofHours(s.hoursAhead())),
                    at.plus(Duration.ofHours(s.hoursAhead() + 2L)), List.of(component(s.component())), Text.of("Announced"), at);
            case MoveMaintenance m -> {
                if (!maintenance.isEmpty()) {
                    db.maintenance().addUpdate(maintenance.get(m.which() % maintenance.size()).id(), m.to(), Text.of("Now " + m.to().wire()), at);
                }
            }
            case Uptime u -> db.uptime().put(new DailyUptime(component(u.component()),
                    LocalDate.ofInstant(at, SiteFixture.CONFIG.page().timeZone()).minusDays(u.daysAgo()),
                    86_400 - u.outageSeconds(), 0, u.outageSeconds(), 0));
            case Tick t -> now.set(at.plusMillis(t.millis()));
        }
    }

    private static AffectedComponent affected(int component, ComponentStatus to) {
        return new AffectedComponent(component(component), ComponentStatus.OPERATIONAL, to);
    }

    private static String component(int index) {
        return COMPONENTS.get(index % COMPONENTS.size());
    }

    private static void assertSameSite(Snapshot kept, Snapshot full, Write after) {
        assertThat(kept.resources().keySet()).as("paths after %s", after).isEqualTo(full.resources().keySet());
        full.resources().forEach((path, expected) -> {
            Resource actual = kept.resources().get(path);
            assertThat(new String(actual.body(), java.nio.charset.StandardCharsets.UTF_8)).as("%s after %s", path, after)
                    .isEqualTo(new String(expected.body(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(actual.etag()).as("ETag of %s", path).isEqualTo(expected.etag());
            assertThat(actual.contentType()).as("type of %s", path).isEqualTo(expected.contentType());
            assertThat(actual.gzipped()).as("gzip of %s", path).isEqualTo(expected.gzipped());
        });
        assertThat(kept.generatedAt()).isEqualTo(full.generatedAt());
    }

    /** Between 1 and 30 writes, updates and time passing more often than the rest. */
    private static List<Write> writes(Cases cases) {
        String textChars = "abcxyz <&>\"'日本\n";
        Supplier<Integer> index = () -> cases.between(0, 40);
        Supplier<String> text = () -> cases.charsFrom(textChars, 1, 12);
        List<Supplier<? extends Write>> kinds = List.of(
                () -> new Open(text.get(), cases.anyOf(Impact.class), index.get(), cases.anyOf(ComponentStatus.class)),
                () -> new Update(index.get(), cases.anyOf(IncidentStatus.class), text.get(), index.get(), cases.anyOf(ComponentStatus.class)),
                () -> new SetImpact(index.get(), cases.anyOf(Impact.class)),
                () -> new Postmortem(index.get(), text.get()),
                () -> new ComponentChange(index.get(), cases.anyOf(ComponentStatus.class)),
                () -> new Schedule(text.get(), cases.between(-3, 48), index.get()),
                () -> new MoveMaintenance(index.get(), cases.anyOf(MaintenanceStatus.class)),
                () -> new Uptime(index.get(), cases.between(0, 3), cases.oneOf(0L, 600L, 86_400L)),
                () -> new Tick(cases.oneOf(0L, 40L, 300L, 1_000L, 1_700L, 61_000L, 86_400_000L)));
        int[] weights = {3, 8, 1, 1, 2, 1, 2, 2, 4};
        return cases.listOf(1, 30, () -> cases.<Write>weighted(weights, kinds));
    }
}
