package io.noroshi.statuspage;

import io.noroshi.storage.DatabaseOutage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-renders the public site after a change and hands the new snapshot on. Requests for a refresh
 * coalesce: a burst of fifty writes causes one or two renders, never fifty, and the last render
 * always starts after the last write.
 *
 * <p>A render that fails is never skipped silently: it is logged once (not once per attempt),
 * {@link #failure()} says so to the admin pages, and the render is retried with a growing pause
 * ({@link #FIRST_RETRY} doubling up to {@link #LAST_RETRY}) until one succeeds, which is logged too.
 */
public final class SnapshotPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LAST_RETRY = Duration.ofMinutes(1);

    private final PageDataSource source;
    private final SiteRenderer renderer;
    private final Consumer<Snapshot> sink;
    private final InstantSource clock;
    private final ScheduledThreadPoolExecutor worker = worker();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean retryScheduled = new AtomicBoolean();
    /** The current streak of failed renders, or null while renders succeed. Guarded by {@code this}. */
    private PublishFailure failure;

    /**
     * Renders are failing: since when, how many attempts, the last error (its message only).
     *
     * @param attempts failed renders in a row, at least 1
     */
    public record PublishFailure(Instant since, int attempts, String error) {
    }

    public SnapshotPublisher(PageDataSource source, SiteRenderer renderer, Consumer<Snapshot> sink) {
        this(source, renderer, sink, InstantSource.system());
    }

    public SnapshotPublisher(PageDataSource source, SiteRenderer renderer, Consumer<Snapshot> sink, InstantSource clock) {
        this.source = source;
        this.renderer = renderer;
        this.sink = sink;
        this.clock = clock;
    }

    /**
     * Renders and publishes now, on the caller's thread. One at a time: otherwise a render that
     * read the stores earlier could publish after a later one and hide a write already shown.
     *
     * @throws RuntimeException what the read, the render or the sink threw; a retry is then scheduled
     */
    public synchronized Snapshot publishNow() {
        long started = System.nanoTime();
        Snapshot snapshot;
        long read;
        try {
            PageData data = source.read();
            read = System.nanoTime();
            snapshot = renderer.render(data);
            sink.accept(snapshot);
        } catch (RuntimeException e) {
            failed(e);
            throw e;
        }
        long ended = System.nanoTime();
        if (failure != null) {
            log.info("snapshot published again after failures attempts={} since={}", failure.attempts(), failure.since());
            failure = null;
        }
        log.debug("snapshot published resources={} read_us={} render_us={}", snapshot.resources().size(),
                (read - started) / 1_000, (ended - read) / 1_000);
        return snapshot;
    }

    /** Whether renders are failing now, for the admin pages. */
    public synchronized Optional<PublishFailure> failure() {
        return Optional.ofNullable(failure);
    }

    private void failed(RuntimeException e) {
        String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (failure == null && DatabaseOutage.isOutage(e)) {
            // storage.DatabaseHealth logs a database outage once, without a stack; the last snapshot keeps serving.
            log.debug("snapshot render skipped: database unavailable");
            failure = new PublishFailure(clock.instant(), 1, error);
        } else if (failure == null) {
            // Once per streak, with the stack: the same error every few seconds would bury the log.
            log.error("snapshot render failed; the public page shows the last good snapshot until a retry succeeds error={}", error, e);
            failure = new PublishFailure(clock.instant(), 1, error);
        } else {
            log.debug("snapshot render failed again attempts={} error={}", failure.attempts() + 1, error);
            failure = new PublishFailure(failure.since(), failure.attempts() + 1, error);
        }
        scheduleRetry(failure.attempts());
    }

    private void scheduleRetry(int attempts) {
        if (!retryScheduled.compareAndSet(false, true)) return;
        long delay = Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempts - 1, 16));
        try {
            worker.schedule(() -> {
                retryScheduled.set(false);
                try {
                    publishNow();
                } catch (RuntimeException e) {
                    // failed() has logged it (once per streak) and scheduled the next retry
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            retryScheduled.set(false);
        }
    }

    /** Asks for a re-render soon; returns at once. */
    public void requestRefresh() {
        if (pending.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    pending.set(false);
                    try {
                        publishNow();
                    } catch (RuntimeException e) {
                        // failed() has logged it (once per streak) and scheduled a retry
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                pending.set(false);
            }
        }
    }

    private static ScheduledThreadPoolExecutor worker() {
        var worker = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("snapshot").daemon().factory());
        // A retry waiting for its time is dropped at close; a render under way finishes.
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return worker;
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
