package io.noroshi.mirror.bench;

import io.noroshi.config.ConfigLoader;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Text;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore;
import io.noroshi.mirror.DirectoryTarget;
import io.noroshi.mirror.HistoryExportFile;
import io.noroshi.mirror.JdbiHistoryStore;
import io.noroshi.mirror.MirrorAlerts;
import io.noroshi.mirror.MirrorWorker;
import io.noroshi.mirror.Mirrors;
import io.noroshi.mirror.PublishedSite;
import io.noroshi.mirror.S3ProxyProcess;
import io.noroshi.mirror.S3Target;
import io.noroshi.mirror.SiteFile;
import io.noroshi.statuspage.PageDataSource;
import io.noroshi.statuspage.ResourceEncoding;
import io.noroshi.statuspage.SiteRenderer;
import io.noroshi.statuspage.Snapshot;
import io.noroshi.statuspage.bench.HistorySeeder;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * bench/publish: a site of 100 components, 2,000 incidents and 90 days of uptime published to a
 * directory and to s3proxy on loopback, beside {@code cp -r} and a plain S3 upload loop of the
 * same files. Usage: {@code PublishBenchmark WORK_DIR}. Prints RESULT lines (see shared/BENCH.md).
 */
public final class PublishBenchmark {

    private static S3Target s3Target(S3ProxyProcess s3, String bucket, String prefix) {
        return new S3Target(s3.endpoint(), bucket, "us-east-1", prefix, S3ProxyProcess.KEY, S3ProxyProcess.SECRET, true,
                ResourceEncoding.CACHE_CONTROL);
    }

    /** One put as a plain loop would make it, with the headers the mirror sends. */
    private static void plainPut(software.amazon.awssdk.services.s3.S3Client plain, String bucket, String prefix, SiteFile f) {
        plain.putObject(b -> b.bucket(bucket).key(prefix + f.file()).contentType(f.contentType()).cacheControl(ResourceEncoding.CACHE_CONTROL),
                RequestBody.fromBytes(f.body()));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int incidents = Integer.getInteger("incidents", 2000);
        int components = Integer.getInteger("components", 100);
        Path data = work.resolve("data");
        Path configFile = work.resolve("noroshi.yaml");
        HistorySeeder.seed(data, configFile, incidents, components, Instant.now());
        NoroshiConfig config = new ConfigLoader().load(configFile);
        try (Database db = Database.open(DatabaseSettings.Sqlite.inDataDir(data))) {
            var clock = Clock.systemUTC();
            var source = new PageDataSource(config, db.incidents(), db.maintenance(), db.componentStates(), db.uptime(), clock);
            var renderer = new SiteRenderer();
            var worker = new MirrorWorker("dir", "bench", "directory", new DirectoryTarget(work.resolve("www")), Duration.ofMinutes(5),
                    MirrorAlerts.logging(), clock);
            var exportFile = new HistoryExportFile(new JdbiHistoryStore(db.jdbi()));
            try (var mirrors = new Mirrors(List.of(worker), List.of(exportFile))) {
                var cpu = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long t0 = System.nanoTime();
                long c0cpu = cpu.getProcessCpuTime();
                Snapshot first = renderer.render(source.read());
                long rendered = System.nanoTime();
                long c1cpu = cpu.getProcessCpuTime();
                // The older pages (rendered on demand by the hub, one incident load and render each) are most of a first export.
                long olderCount = first.older() == null ? 0 : first.older().paths().count();
                System.out.printf("site: %d pages in memory, %d older pages rendered on demand%n", first.resources().size(), olderCount);
                // The phases of Mirrors.publishNow, timed one by one: the restore export (read every row), the
                // site export (older pages rendered, every file hashed), then the directory write.
                exportFile.files();
                long extrasRead = System.nanoTime();
                long c2cpu = cpu.getProcessCpuTime();
                PublishedSite site = mirrors.site(first);
                long exported = System.nanoTime();
                long c3cpu = cpu.getProcessCpuTime();
                worker.publish(site);
                long published = System.nanoTime();
                long c4cpu = cpu.getProcessCpuTime();
                double fullS = (published - t0) / 1e9;
                long bytes = site.bytes();
                System.out.printf("full publish to a directory: %d files, %.1f MB: render %.2f s + restore export %.2f s + site export %.2f s"
                                + " + write %.2f s = %.2f s (target <= 2 s)%n",
                        site.files().size(), bytes / 1e6, (rendered - t0) / 1e9, (extrasRead - rendered) / 1e9, (exported - extrasRead) / 1e9,
                        (published - exported) / 1e9, fullS);
                System.out.printf("  process CPU in each phase: render %.2f s, restore export %.2f s, site export %.2f s, write %.2f s%n",
                        (c1cpu - c0cpu) / 1e9, (c2cpu - c1cpu) / 1e9, (c3cpu - c2cpu) / 1e9, (c4cpu - c3cpu) / 1e9);
                long c0 = System.nanoTime();
                Process cp = new ProcessBuilder("cp", "-r", work.resolve("www").toString(), work.resolve("www-copy").toString()).inheritIO().start();
                if (cp.waitFor() != 0) throw new IllegalStateException("cp -r failed");
                double cpS = (System.nanoTime() - c0) / 1e9;
                System.out.printf("cp -r of the same files: %.2f s (ratio %.1f); load average now: %s%n", cpS, fullS / cpS, loadAverage());
                System.out.printf("RESULT publish_full_dir_s=%.3f%n", fullS);
                System.out.printf("RESULT publish_full_dir_vs_cp=%.2f%n", fullS / cpS);
                if (Boolean.getBoolean("fullDirOnly")) return;

                // Incremental: one update to a recent incident, then read, render, export, write.
                IncidentStore store = db.incidents();
                String recent = store.history(0, 1).getFirst().id();
                var times = new ArrayList<Long>();
                long renderNs = 0, exportNs = 0, writeNs = 0, extrasNs = 0;
                int written = 0;
                for (int i = 0; i < 7; i++) {
                    store.addUpdate(recent, new IncidentStore.NewUpdate(IncidentStatus.RESOLVED, Text.of("Bench follow-up " + i), Instant.now(), List.of()));
                    long s = System.nanoTime();
                    Snapshot next = renderer.render(source.read());
                    long r = System.nanoTime();
                    // As the hub publishes: the pages first (with the restore export as last read), then the export.
                    PublishedSite pages = mirrors.pagesFirst(next);
                    long e = System.nanoTime();
                    written = worker.publish(pages);
                    long w = System.nanoTime();
                    times.add(w - s);
                    renderNs += r - s;
                    exportNs += e - r;
                    writeNs += w - e;
                    long x = System.nanoTime();
                    worker.publish(mirrors.site(next));
                    extrasNs += System.nanoTime() - x;
                }
                System.out.printf("  mean per incremental publish of the pages: read+render %.0f ms, site export %.0f ms, diff+write %.0f ms;"
                        + " then the restore export follows in %.0f ms%n", renderNs / 7e6, exportNs / 7e6, writeNs / 7e6, extrasNs / 7e6);
                long x0 = System.nanoTime();
                new JdbiHistoryStore(db.jdbi()).read().toJson();
                System.out.printf("  of which the restore export alone (read all rows, JSON): %.0f ms%n", (System.nanoTime() - x0) / 1e6);
                long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
                double medianMs = sorted[sorted.length / 2] / 1e6;
                System.out.printf("incremental publish after one update: median %.0f ms of %d runs, %d files written (target <= 200 ms)%n",
                        medianMs, sorted.length, written);
                System.out.printf("RESULT publish_incremental_dir_ms=%.1f%n", medianMs);
                System.out.printf("RESULT publish_incremental_export_follows_ms=%.1f%n", extrasNs / 7e6);

                // S3: the same full site to s3proxy, beside a plain loop of puts of the same files with the same headers.
                // Two rounds in opposite orders, each into fresh buckets, so neither side always pays for going first.
                Path s3dir = Files.createDirectories(work.resolve("s3"));
                try (var s3 = S3ProxyProcess.start(s3dir); var plain = s3.client()) {
                    PublishedSite all = mirrors.site(renderer.render(source.read()));
                    s3.createBucket("warm");
                    // Warm both paths (JIT, connections, s3proxy) on 300 files of another bucket before measuring either.
                    var some = all.files().values().stream().limit(300).toList();
                    try (var warmTarget = s3Target(s3, "warm", "w/")) {
                        warmTarget.apply(new io.noroshi.mirror.MirrorTarget.Upload(some, List.of(), some.getFirst()));
                    }
                    for (SiteFile f : some) plainPut(plain, "warm", "p/", f);
                    double mirrorS = 0, plainS = 0;
                    for (int round = 1; round <= 2; round++) {
                        s3.createBucket("mirror" + round);
                        s3.createBucket("plain" + round);
                        double m = 0, p = 0;
                        for (boolean mirrorTurn : round == 1 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                            long t = System.nanoTime();
                            if (mirrorTurn) {
                                try (var s3worker = new MirrorWorker("s3", "bench", "s3", s3Target(s3, "mirror" + round, ""), Duration.ofMinutes(5),
                                        MirrorAlerts.logging(), clock)) {
                                    s3worker.publish(all);
                                }
                                m = (System.nanoTime() - t) / 1e9;
                            } else {
                                for (SiteFile f : all.files().values()) plainPut(plain, "plain" + round, "", f);
                                p = (System.nanoTime() - t) / 1e9;
                            }
                        }
                        System.out.printf("  round %d (%s first): mirror %.2f s, plain loop %.2f s%n", round, round == 1 ? "mirror" : "plain loop", m, p);
                        mirrorS += m;
                        plainS += p;
                    }
                    System.out.printf("full publish to s3proxy (%d puts at a time): %.2f s; plain sequential put loop of the same %d files"
                            + " with the same headers: %.2f s (ratio %.2f; means of two rounds)%n",
                            S3Target.CONCURRENT_PUTS, mirrorS / 2, all.files().size(), plainS / 2, mirrorS / plainS);
                    System.out.printf("RESULT publish_full_s3_s=%.3f%n", mirrorS / 2);
                    System.out.printf("RESULT publish_full_s3_vs_plain=%.2f%n", mirrorS / plainS);
                }
                System.out.println("files by kind: " + Arrays.toString(site.files().keySet().stream()
                        .map(f -> f.contains(".") ? f.substring(f.lastIndexOf('.')) : "?").distinct().sorted().toArray()));
            }
        }
    }
}
