package io.noroshi.statuspage;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

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

    @Property(tries = 15)
    void incrementalRenderEqualsAFullRenderAfterEveryWrite(@ForAll("writes") @Size(min = 1, max = 30) List<Write> writes) throws IOException {
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

    @Provide
    Arbitrary<List<Write>> writes() {
        var index = Arbitraries.integers().between(0, 40);
        var text = Arbitraries.strings().withChars("abcxyz <&>\"'日本\n").ofMinLength(1).ofMaxLength(12);
        Arbitrary<Write> open = Combinators.combine(text, Arbitraries.of(Impact.class), index, Arbitraries.of(ComponentStatus.class)).as(Open::new);
        Arbitrary<Write> update = Combinators.combine(index, Arbitraries.of(IncidentStatus.class), text, index, Arbitraries.of(ComponentStatus.class))
                .as(Update::new);
        Arbitrary<Write> impact = Combinators.combine(index, Arbitraries.of(Impact.class)).as(SetImpact::new);
        Arbitrary<Write> postmortem = Combinators.combine(index, text).as(Postmortem::new);
        Arbitrary<Write> component = Combinators.combine(index, Arbitraries.of(ComponentStatus.class)).as(ComponentChange::new);
        Arbitrary<Write> schedule = Combinators.combine(text, Arbitraries.integers().between(-3, 48), index).as(Schedule::new);
        Arbitrary<Write> move = Combinators.combine(index, Arbitraries.of(MaintenanceStatus.class)).as(MoveMaintenance::new);
        Arbitrary<Write> uptime = Combinators.combine(index, Arbitraries.integers().between(0, 3), Arbitraries.of(0L, 600L, 86_400L))
                .as(Uptime::new);
        Arbitrary<Write> tick = Arbitraries.of(0L, 40L, 300L, 1_000L, 1_700L, 61_000L, 86_400_000L).map(Tick::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, open), net.jqwik.api.Tuple.of(8, update), net.jqwik.api.Tuple.of(1, impact),
                        net.jqwik.api.Tuple.of(1, postmortem), net.jqwik.api.Tuple.of(2, component), net.jqwik.api.Tuple.of(1, schedule),
                        net.jqwik.api.Tuple.of(2, move), net.jqwik.api.Tuple.of(2, uptime), net.jqwik.api.Tuple.of(4, tick))
                .list();
    }
}
