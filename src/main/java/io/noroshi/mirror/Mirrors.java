package io.noroshi.mirror;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.noroshi.statuspage.Snapshot;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every mirror of the hub. {@link #accept} takes each published snapshot (it only stores it:
 * the snapshot publisher may call it on a request thread), exports the static site on a thread of
 * its own, coalescing a burst into one export, and hands it to each mirror's {@link MirrorWorker}.
 */
public final class Mirrors implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Mirrors.class);

    private final List<MirrorWorker> workers;
    private final List<MirrorFiles> extras;
    private final SiteExport export = new SiteExport();
    /** The extras as last read; null before the first read. Read and written on the export thread (or a CLI's). */
    private volatile List<SiteFile> lastExtras;
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService exporter = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("mirror-export").daemon().factory());

    /**
     * The mirrors of {@code config}'s {@code mirrors:} section, each with its worker.
     *
     * @param stateDir the hub's data directory (targets keep local state below {@code mirrors/})
     * @throws MirrorException when a target cannot be opened (a secret's variable is not set)
     */
    public static Mirrors open(io.noroshi.config.NoroshiConfig config, java.nio.file.Path stateDir, Map<String, String> env,
                               MirrorAlerts alerts, InstantSource clock, List<MirrorFiles> extras) {
        var workers = new ArrayList<MirrorWorker>();
        try {
            for (var target : config.mirrors().targets()) {
                workers.add(new MirrorWorker(target.id(), target.site(), MirrorTargets.kind(target), MirrorTargets.open(target, stateDir, env),
                        config.mirrors().fallingBehindAfter(), alerts, clock));
            }
        } catch (RuntimeException e) {
            workers.forEach(MirrorWorker::close);
            throw e;
        }
        return new Mirrors(workers, extras);
    }

    public Mirrors(List<MirrorWorker> workers, List<MirrorFiles> extras) {
        this.workers = List.copyOf(workers);
        this.extras = List.copyOf(extras);
    }

    /** Publishes {@code snapshot} to every mirror soon; returns at once. */
    public void accept(Snapshot snapshot) {
        if (workers.isEmpty()) return;
        latest.set(snapshot);
        if (pending.compareAndSet(false, true)) {
            try {
                exporter.execute(this::exportLatest);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                pending.set(false);
            }
        }
    }

    private void exportLatest() {
        pending.set(false);
        Snapshot snapshot = latest.get();
        try {
            // The pages first, with the extras as they were: reading the whole history for the restore
            // export takes longer than the pages a change reaches, and readers want the pages.
            if (!extras.isEmpty() && lastExtras != null) {
                PublishedSite pages = export.export(snapshot, lastExtras);
                workers.forEach(w -> w.offer(pages));
            }
            PublishedSite site = site(snapshot);
            workers.forEach(w -> w.offer(site));
        } catch (RuntimeException e) {
            // The next snapshot (at the latest the idle refresh) exports again.
            log.warn("mirror export failed error={}", MirrorWorker.message(e));
        }
    }

    /** The files every mirror gets for {@code snapshot}: the site and the extras, read now. */
    public PublishedSite site(Snapshot snapshot) {
        var files = new ArrayList<SiteFile>();
        extras.forEach(e -> files.addAll(e.files()));
        lastExtras = List.copyOf(files);
        return export.export(snapshot, files);
    }

    /**
     * The site of {@code snapshot} with the extras as the last {@link #site} read them: what goes
     * out first after a change (see {@link #accept}). The site alone before any {@link #site}.
     */
    public PublishedSite pagesFirst(Snapshot snapshot) {
        return export.export(snapshot, lastExtras == null ? List.of() : lastExtras);
    }

    /** The outcome of a synchronous publish to one mirror: files written, or the error. */
    public record Outcome(String mirror, int uploaded, String error) {
    }

    /**
     * Publishes {@code snapshot} to every mirror now, all at once, each on its own thread; waits for all.
     * What {@code noroshi publish} runs.
     */
    public List<Outcome> publishNow(Snapshot snapshot) {
        PublishedSite site = site(snapshot);
        List<java.util.concurrent.Future<Outcome>> futures;
        try (var each = Executors.newVirtualThreadPerTaskExecutor()) {
            futures = workers.stream().map(w -> each.submit(() -> {
                try {
                    return new Outcome(w.id(), w.publish(site), null);
                } catch (MirrorException e) {
                    return new Outcome(w.id(), 0, e.getMessage());
                }
            })).toList();
        } // close() waits for every task
        return futures.stream().map(java.util.concurrent.Future::resultNow).toList();
    }

    public List<MirrorState> states() {
        return workers.stream().map(MirrorWorker::state).toList();
    }

    public List<MirrorWorker> workers() {
        return workers;
    }

    /** Per-mirror gauges on {@code /metrics}: lag, last success, failures in a row. */
    public void bindTo(MeterRegistry registry, InstantSource clock) {
        for (MirrorWorker w : workers) {
            Gauge.builder("noroshi.mirror.lag", w, x -> x.state().lag().toMillis() / 1000.0).baseUnit("seconds")
                    .description("How long the mirror has lacked the hub's current site").tag("mirror", w.id()).register(registry);
            Gauge.builder("noroshi.mirror.last.success", w, x -> x.state().lastSuccess().map(t -> t.toEpochMilli() / 1000.0).orElse(0.0))
                    .description("Unix time of the last successful publish to the mirror, 0 before the first")
                    .tag("mirror", w.id()).register(registry);
            Gauge.builder("noroshi.mirror.failures", w, x -> x.state().failures())
                    .description("Failed publishes to the mirror in a row").tag("mirror", w.id()).register(registry);
        }
    }

    /** The admin API and page of the mirrors. */
    public io.noroshi.admin.AdminFeature.Factory admin(io.noroshi.statuspage.SnapshotPublisher publisher) {
        return (gate, json) -> new MirrorsAdmin(this, publisher, gate, json);
    }

    /** Mirrors by id, for restore and the CLI. */
    public Map<String, MirrorWorker> byId() {
        var map = new java.util.LinkedHashMap<String, MirrorWorker>();
        workers.forEach(w -> map.put(w.id(), w));
        return map;
    }

    @Override
    public void close() {
        exporter.shutdownNow();
        workers.forEach(MirrorWorker::close);
    }
}
