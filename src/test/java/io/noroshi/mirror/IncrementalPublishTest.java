package io.noroshi.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.config.ConfigLoader;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentUpdate;
import io.noroshi.statuspage.PageData;
import io.noroshi.statuspage.SiteRenderer;
import io.noroshi.statuspage.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publish after one change writes the files that change reached and removes the ones it took
 * away, never the whole site; the directory then holds exactly the site's files.
 */
class IncrementalPublishTest {

    static final Instant NOW = Instant.parse("2026-11-25T03:34:56.789Z");

    @TempDir
    Path dir;

    /** Counts what reaches the real directory target. */
    static final class Counting implements MirrorTarget {
        final DirectoryTarget inner;
        final List<Upload> uploads = new ArrayList<>();

        Counting(Path root) {
            inner = new DirectoryTarget(root);
        }

        @Override
        public Optional<byte[]> read(String file) throws IOException {
            return inner.read(file);
        }

        @Override
        public void apply(Upload upload) throws IOException {
            uploads.add(upload);
            inner.apply(upload);
        }
    }

    @Test
    void onlyTheFilesAnUpdateReachesAreWrittenAgain() throws IOException {
        NoroshiConfig config = new ConfigLoader().load(Path.of("src/main/resources/demo/noroshi.yaml"));
        var incidents = new ArrayList<Incident>();
        for (int i = 0; i < 120; i++) incidents.add(resolved(i, NOW.minus(Duration.ofHours(8L * (120 - i)))));
        var renderer = new SiteRenderer();
        var target = new Counting(dir.resolve("www"));
        var worker = new MirrorWorker("dir", "osaka-dc2", "directory", target, Duration.ofMinutes(5), MirrorAlerts.logging(),
                InstantSource.fixed(NOW));
        var mirrors = new Mirrors(List.of(worker), List.of());
        try (mirrors) {
            Snapshot first = renderer.render(data(config, incidents, NOW));
            int total = (int) first.paths().count();
            assertThat(mirrors.publishNow(first).getFirst().uploaded()).isEqualTo(total);

            // One incident's title corrected: its pages, the pages listing it, the API and feeds; not the other 119 incidents' pages.
            Incident old = incidents.get(100);
            incidents.set(100, new Incident(old.id(), Text.of("Corrected title", "訂正"), old.status(), old.impact(), old.createdAt(),
                    NOW, old.resolvedAt(), old.updates(), old.componentIds(), old.postmortem()));
            Snapshot second = renderer.render(data(config, incidents, NOW.plusSeconds(60)));
            int uploaded = mirrors.publishNow(second).getFirst().uploaded();
            assertThat(uploaded).isPositive().isLessThan(total / 5);
            assertThat(target.uploads.getLast().changed()).extracting(SiteFile::file)
                    .contains("incidents/" + old.id() + "/index.html", "ja/incidents/" + old.id() + "/index.html", "api/v2/incidents.json")
                    .doesNotContain("incidents/" + incidents.get(3).id() + "/index.html");

            // The oldest incident deleted: its pages are removed from the mirror.
            Incident gone = incidents.removeFirst();
            Snapshot third = renderer.render(data(config, incidents, NOW.plusSeconds(120)));
            mirrors.publishNow(third);
            assertThat(target.uploads.getLast().removed()).contains("incidents/" + gone.id() + "/index.html");
            assertThat(dir.resolve("www/incidents/" + gone.id())).doesNotExist();

            // The directory holds exactly the manifest's files, each with its hash.
            Manifest manifest = Manifest.parse("dir", Files.readAllBytes(dir.resolve("www").resolve(Manifest.FILE)));
            try (var walk = Files.walk(dir.resolve("www"))) {
                var onDisk = walk.filter(Files::isRegularFile).map(p -> dir.resolve("www").relativize(p).toString().replace('\\', '/'))
                        .filter(f -> !f.equals(Manifest.FILE)).sorted().toList();
                assertThat(onDisk).containsExactlyElementsOf(manifest.files().keySet());
            }
            for (var e : manifest.files().entrySet()) {
                assertThat(SiteFile.sha256(Files.readAllBytes(dir.resolve("www").resolve(e.getKey())))).as(e.getKey()).isEqualTo(e.getValue().sha256());
            }
            assertThat(manifest.files()).hasSize((int) third.paths().count());
        }
    }

    static PageData data(NoroshiConfig config, List<Incident> incidents, Instant at) {
        return new PageData(config, Map.of(), List.of(), List.copyOf(incidents).reversed(), List.of(), Map.of(), at);
    }

    static Incident resolved(int i, Instant at) {
        String id = String.format("inc%09d", i);
        var update = new IncidentUpdate(id + "u", "resolved", Text.of("Fixed " + i, "解消 " + i), at, List.of());
        return new Incident(id, Text.of("Incident " + i, "障害 " + i), IncidentStatus.RESOLVED, Impact.MINOR, at, at,
                Optional.of(at), List.of(update), List.of(), Text.EMPTY);
    }
}
