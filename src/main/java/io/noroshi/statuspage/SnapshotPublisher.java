package io.noroshi.statuspage;

import io.noroshi.storage.DatabaseOutage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-renders the public site after a change and hands the new snapshot on. Requests for a refresh
 * coalesce: a burst of fifty writes causes one or two renders, never fifty, and the last render
 * always starts after the last write.
 */
public final class SnapshotPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);

    private final PageDataSource source;
    private final SiteRenderer renderer;
    private final Consumer<Snapshot> sink;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("snapshot").daemon().factory());
    private final AtomicBoolean pending = new AtomicBoolean();

    public SnapshotPublisher(PageDataSource source, SiteRenderer renderer, Consumer<Snapshot> sink) {
        this.source = source;
        this.renderer = renderer;
        this.sink = sink;
    }

    /**
     * Renders and publishes now, on the caller's thread. One at a time: otherwise a render that
     * read the stores earlier could publish after a later one and hide a write already shown.
     */
    public synchronized Snapshot publishNow() {
        long started = System.nanoTime();
        PageData data = source.read();
        long read = System.nanoTime();
        Snapshot snapshot = renderer.render(data);
        sink.accept(snapshot);
        long ended = System.nanoTime();
        log.debug("snapshot published resources={} read_us={} render_us={}", snapshot.resources().size(),
                (read - started) / 1_000, (ended - read) / 1_000);
        return snapshot;
    }

    /** Asks for a re-render soon; returns at once. */
    public void requestRefresh() {
        if (pending.compareAndSet(false, true)) {
            worker.execute(() -> {
                pending.set(false);
                try {
                    publishNow();
                } catch (RuntimeException e) {
                    // A database outage is logged once by storage.DatabaseHealth; the last snapshot keeps serving.
                    if (DatabaseOutage.isOutage(e)) log.debug("snapshot render skipped: database unavailable");
                    else log.error("snapshot render failed error={}", e.toString(), e);
                }
            });
        }
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
