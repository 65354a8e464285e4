package io.noroshi.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory target writes a large publish on several threads yet keeps its promises: every
 * file and the manifest land, no temporary file is left, and a publish that fails while writing
 * leaves the previous site exactly as it was.
 */
class DirectoryTargetTest {

    static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aFailedPublishLeavesThePreviousSiteExactlyAsItWas() throws IOException {
        Path www = dir.resolve("www");
        try (var worker = worker(www)) {
            PublishedSite first = site(NOW, "first", List.of());
            assertThat(first.files()).hasSizeGreaterThan(DirectoryTarget.PARALLEL_FROM);
            assertThat(worker.publish(first)).isEqualTo(first.files().size());
            Map<String, String> before = tree(www);
            assertThat(before).hasSize(first.files().size() + 1);
            first.files().forEach((name, file) -> assertThat(before.get(name)).isEqualTo(new String(file.body(), StandardCharsets.UTF_8)));
            assertThat(before.get(Manifest.FILE)).isEqualTo(new String(first.manifest().toJson(), StandardCharsets.UTF_8));

            // Every page changes and new incidents appear, but one new file needs a directory where the site has a file.
            PublishedSite broken = site(NOW.plusSeconds(60), "second", List.of("index.html/impossible.html", "incidents/new-1/index.html"));
            assertThatThrownBy(() -> worker.publish(broken)).isInstanceOf(MirrorException.class)
                    .hasRootCauseInstanceOf(FileAlreadyExistsException.class);
            assertThat(tree(www)).isEqualTo(before);
            try (Stream<Path> all = Files.walk(www)) {
                assertThat(all.filter(p -> p.getFileName().toString().endsWith(".noroshi-tmp"))).isEmpty();
            }
            assertThat(www.resolve("incidents/new-1")).doesNotExist();

            // The next good publish writes the whole new site over it.
            PublishedSite second = site(NOW.plusSeconds(120), "second", List.of("incidents/new-1/index.html"));
            worker.publish(second);
            Map<String, String> after = tree(www);
            assertThat(after).hasSize(second.files().size() + 1);
            second.files().forEach((name, file) -> assertThat(after.get(name)).isEqualTo(new String(file.body(), StandardCharsets.UTF_8)));
            assertThat(Manifest.parse("test", Files.readAllBytes(www.resolve(Manifest.FILE))).files())
                    .isEqualTo(second.manifest().files());
        }
    }

    @Test
    void aFileACrashLostOrCutShortIsWrittenAgainByTheNextWorker() throws IOException {
        Path www = dir.resolve("www");
        PublishedSite site = site(NOW, "first", List.of());
        try (var worker = worker(www)) {
            worker.publish(site);
        }
        try (var worker = worker(www)) {
            assertThat(worker.publish(site)).as("a mirror holding every file as listed gets nothing again").isZero();
        }
        // What a power loss before writeback can leave: a renamed file without its bytes, a file gone.
        Files.write(www.resolve("incidents/i7/index.html"), new byte[0]);
        Files.delete(www.resolve("ja/incidents/i8/index.html"));
        try (var worker = worker(www)) {
            assertThat(worker.publish(site)).isEqualTo(2);
        }
        Map<String, String> after = tree(www);
        site.files().forEach((name, file) -> assertThat(after.get(name)).as(name).isEqualTo(new String(file.body(), StandardCharsets.UTF_8)));
    }

    private static MirrorWorker worker(Path www) {
        return new MirrorWorker("dir", "osaka-dc2", "directory", new DirectoryTarget(www), Duration.ofMinutes(5),
                MirrorAlerts.logging(), InstantSource.fixed(NOW));
    }

    /** 150 incidents' pages in two directories levels, a home page and feeds: more files than {@link DirectoryTarget#PARALLEL_FROM}. */
    private static PublishedSite site(Instant at, String version, List<String> extra) {
        var files = new ArrayList<SiteFile>();
        files.add(SiteFile.of("index.html", "text/html; charset=utf-8", bytes("home " + version)));
        files.add(SiteFile.of("history.atom", "application/atom+xml; charset=utf-8", bytes("feed " + version)));
        for (int i = 0; i < 150; i++) {
            files.add(SiteFile.of("incidents/i" + i + "/index.html", "text/html; charset=utf-8", bytes("incident " + i + " " + version)));
            files.add(SiteFile.of("ja/incidents/i" + i + "/index.html", "text/html; charset=utf-8", bytes("障害 " + i + " " + version)));
        }
        for (String name : extra) files.add(SiteFile.of(name, "text/html; charset=utf-8", bytes(name + " " + version)));
        var byName = new java.util.LinkedHashMap<String, SiteFile>();
        files.forEach(f -> byName.put(f.file(), f));
        return new PublishedSite(at, byName);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every regular file below {@code root} with its text, by relative name. */
    private static Map<String, String> tree(Path root) throws IOException {
        var out = new TreeMap<String, String>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return out;
    }
}
