package io.noroshi.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Text;
import io.noroshi.incident.AffectedComponent;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore.NewUpdate;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseSettings;
import io.noroshi.uptime.DailyUptime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub keeps only the recent part of its site in memory and renders old incidents' pages and deep
 * history pages on demand: every page, kept or rendered on demand, must be byte-equal (body, gzip,
 * ETag, type) to a render that keeps every page, from the same stored data, after random histories
 * and random writes (old incidents changed, new ones opened). Seeded: the seed is in every message.
 */
class OlderPagesTest {

    private static final List<String> COMPONENTS = SiteFixture.CONFIG.components().stream().map(c -> c.id()).toList();

    @TempDir
    Path dir;

    @Test
    void everyPageKeptOrRenderedOnDemandEqualsARenderKeepingEveryPage() {
        long seed = Long.getLong("seed", System.nanoTime());
        var random = new Random(seed);
        var now = new AtomicReference<>(SiteFixture.NOW.minus(Duration.ofDays(400)));
        InstantSource clock = now::get;
        try (Database db = Database.open(DatabaseSettings.Sqlite.inDataDir(dir))) {
            int incidents = 90 + random.nextInt(60);
            for (int i = 0; i < incidents; i++) {
                // Several incidents in the same millisecond now and then: ties must order alike everywhere.
                if (random.nextInt(5) > 0) now.set(now.get().plus(Duration.ofMinutes(1 + random.nextInt(3000))));
                open(db, random, now.get(), "incident " + i);
            }
            var hub = new SiteRenderer();
            var hubRead = new PageDataSource(SiteFixture.CONFIG, db.incidents(), db.maintenance(), db.componentStates(), db.uptime(), clock);
            for (int round = 0; round < 6; round++) {
                String context = "seed " + seed + ", round " + round;
                Snapshot kept = hub.render(hubRead.read());
                // A fresh source and renderer: the whole history read anew, nothing kept from before.
                var wholeRead = new PageDataSource(SiteFixture.CONFIG, db.incidents(), db.maintenance(), db.componentStates(), db.uptime(),
                        clock, KeptInMemory.EVERYTHING);
                Snapshot whole = new SiteRenderer(KeptInMemory.EVERYTHING).render(wholeRead.read());
                assertSameSite(kept, whole, context);
                assertThat(kept.resources().size()).as("pages kept in memory, %s", context).isLessThan(whole.resources().size());
                write(db, random, now);
            }
        }
    }

    @Test
    void theOldestIncidentsPageIsRenderedOnDemandAndEqualsTheWholeRender() {
        var now = new AtomicReference<>(SiteFixture.NOW.minus(Duration.ofDays(100)));
        try (Database db = Database.open(DatabaseSettings.Sqlite.inDataDir(dir))) {
            var random = new Random(7);
            for (int i = 0; i < 120; i++) {
                now.set(now.get().plus(Duration.ofHours(8)));
                open(db, random, now.get(), "incident " + i);
            }
            Incident oldest = db.incidents().history(119, 1).getFirst();
            Incident newest = db.incidents().history(0, 1).getFirst();
            InstantSource clock = now::get;
            Snapshot kept = new SiteRenderer().render(new PageDataSource(SiteFixture.CONFIG, db.incidents(), db.maintenance(),
                    db.componentStates(), db.uptime(), clock).read());
            Snapshot whole = new SiteRenderer(KeptInMemory.EVERYTHING).render(new PageDataSource(SiteFixture.CONFIG, db.incidents(),
                    db.maintenance(), db.componentStates(), db.uptime(), clock, KeptInMemory.EVERYTHING).read());
            for (String path : List.of("/incidents/" + oldest.id(), "/ja/incidents/" + oldest.id(), "/history/12", "/ja/history/9")) {
                assertThat(kept.resources()).as("%s is not held in memory", path).doesNotContainKey(path);
                assertSameResource(kept.find(path).orElseThrow(), whole.resources().get(path), path);
            }
            assertThat(kept.resources()).containsKey("/incidents/" + newest.id()).containsKey("/history/5");
            assertSameResource(kept.find("/incidents/" + newest.id()).orElseThrow(), whole.resources().get("/incidents/" + newest.id()), "newest");
            assertThat(kept.find("/history/13")).isEmpty();
            assertThat(kept.find("/incidents/nosuchid0000")).isEmpty();
        }
    }

    private static void assertSameSite(Snapshot kept, Snapshot whole, String context) {
        Set<String> paths = kept.paths().collect(Collectors.toCollection(TreeSet::new));
        assertThat(paths).as("every path of the site, %s", context).isEqualTo(new TreeSet<>(whole.resources().keySet()));
        for (String path : paths) {
            assertSameResource(kept.find(path).orElseThrow(() -> new AssertionError(path + " not found, " + context)),
                    whole.resources().get(path), path + ", " + context);
        }
    }

    private static void assertSameResource(Resource actual, Resource expected, String context) {
        assertThat(new String(actual.body(), StandardCharsets.UTF_8)).as(context).isEqualTo(new String(expected.body(), StandardCharsets.UTF_8));
        assertThat(actual.etag()).as("ETag of %s", context).isEqualTo(expected.etag());
        assertThat(actual.gzipped()).as("gzip of %s", context).isEqualTo(expected.gzipped());
        assertThat(actual.contentType()).as("type of %s", context).isEqualTo(expected.contentType());
        assertThat(actual.cacheControl()).as("Cache-Control of %s", context).isEqualTo(expected.cacheControl());
    }

    private static void open(Database db, Random random, Instant at, String name) {
        String component = COMPONENTS.get(random.nextInt(COMPONENTS.size()));
        var opened = db.incidents().open(Text.of(name + " <&>", name + " 日本"), Impact.values()[random.nextInt(4)],
                new NewUpdate(IncidentStatus.INVESTIGATING, Text.of("Investigating " + name, "調査中 " + name), at,
                        List.of(new AffectedComponent(component, ComponentStatus.OPERATIONAL, ComponentStatus.PARTIAL_OUTAGE))));
        // Most are resolved, as in a real history; a few stay open for years.
        if (random.nextInt(10) > 0) {
            db.incidents().addUpdate(opened.id(), new NewUpdate(IncidentStatus.RESOLVED, Text.of("Resolved " + name, "解消 " + name),
                    at.plusSeconds(600), List.of(new AffectedComponent(component, ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL))));
        }
    }

    /** One change as an operator makes it: mostly to old incidents, which must not be served stale. */
    private static void write(Database db, Random random, AtomicReference<Instant> now) {
        now.set(now.get().plus(Duration.ofMillis(random.nextInt(3) * 40_000L)));
        Instant at = now.get();
        int count = db.incidents().count();
        Incident target = db.incidents().history(random.nextInt(count), 1).getFirst();
        if (random.nextInt(3) == 0) {
            // A monitor's roll-up of a recent day, which the home page shows.
            String component = COMPONENTS.get(random.nextInt(COMPONENTS.size()));
            long outage = random.nextInt(3) * 600L;
            db.uptime().put(new DailyUptime(component, LocalDate.ofInstant(at, SiteFixture.TOKYO).minusDays(random.nextInt(7)),
                    86_400 - outage, 0, outage, 0));
        }
        switch (random.nextInt(5)) {
            case 0 -> open(db, random, at, "new " + at);
            case 1 -> db.incidents().addUpdate(target.id(), new NewUpdate(IncidentStatus.RESOLVED,
                    Text.of("Follow-up " + at, "追記 " + at), at, List.of()));
            case 2 -> db.incidents().setImpact(target.id(), Impact.values()[random.nextInt(4)], at);
            case 3 -> {
                if (target.isResolved()) db.incidents().attachPostmortem(target.id(), Text.of("What happened " + at, "経緯 " + at), at);
            }
            default -> {
                for (int i = 0; i < 11; i++) open(db, random, at, "burst " + i);
            }
        }
    }
}
