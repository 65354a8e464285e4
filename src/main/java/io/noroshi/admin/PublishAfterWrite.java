package io.noroshi.admin;

import java.util.concurrent.CompletableFuture;

/**
 * Makes a write visible before its request returns: {@link #await()} blocks until a render that
 * started after the caller's write has been published. Concurrent writers share renders: while one
 * render runs, every writer that arrives joins the next round, whose one render then covers them
 * all, so fifty writers cause two renders, not fifty.
 *
 * <p>Under a stream of writes renders would run back to back and take a whole core from the read
 * path during exactly the stampede the read path exists for; so a render starts no sooner than
 * {@link #PERIOD_FACTOR} times the usual render's duration, and at least {@link #LEAST_PERIOD_NANOS},
 * after the previous one started. A write after a quiet spell finds that period over and renders at
 * once; a writer that posts one update after another waits for the rest of the period each time.
 *
 * <p>Waiting writers park on their round's future and are woken once, when it is published; the
 * first writer of a round renders it. (A monitor with notifyAll woke every waiter to fight for the
 * lock again after each render, which cost measurable CPU with dozens of writers waiting.)
 */
public final class PublishAfterWrite {

    /**
     * The least time between the starts of two renders as a multiple of a render's usual duration:
     * 3 caps rendering at a third of a core, whatever the write rate.
     */
    public static final double PERIOD_FACTOR = 3.0;

    /**
     * The least time between the starts of two renders: 80 ms, so a stream of writes gets at most
     * twelve or so renders a second. Renders are incremental and take a few milliseconds, so the factor
     * alone allowed a render for almost every write; at 50 writes/s that took about a third of a core.
     *
     * <p>It is counted from the previous render's start, not its end: counted from the end (a pause of
     * 80 ms after each render), a writer posting one update after another waited the pause and then its
     * own render, 80 ms + 30 ms on a 100-component page, and more whenever a background render or a
     * collection came between (update to summary.json p99 204-239 ms in bench/history). From the start,
     * its own render falls inside the period, and the bound on renders a second is the same.
     */
    public static final long LEAST_PERIOD_NANOS = 80_000_000L;

    /**
     * The weight of the latest render in {@link #typicalRender}. Over a stream of writes the periods still
     * average {@link #PERIOD_FACTOR} times the renders, which keeps the bound on rendering's share of a core.
     */
    static final double SMOOTHING = 0.25;

    private final Runnable render;
    private final Ticker ticker;
    private final Object lock = new Object();
    /** The round new writers join: its render has not started. Null when no writer waits. */
    private Round open;
    /** Whether a round is between its leader's start and its publication. */
    private boolean busy;
    /** System.nanoTime() before which the next render should not start: the last one's start plus the period. */
    private long notBefore;
    /**
     * A render's usual duration: the durations smoothed ({@link #SMOOTHING}), so one slow render (a garbage
     * collection, the minute's re-render of relative times) does not triple the wait of the next write.
     */
    private long typicalRender;

    /** @param render renders and publishes the site on the caller's thread ({@code SnapshotPublisher::publishNow}) */
    public PublishAfterWrite(Runnable render) {
        this(render, Ticker.SYSTEM);
    }

    PublishAfterWrite(Runnable render, Ticker ticker) {
        this.render = render;
        this.ticker = ticker;
        this.notBefore = ticker.nanoTime();
    }

    /** The clock the pauses are measured and waited on; tests substitute one that only moves when told. */
    interface Ticker {
        long nanoTime();

        /** Waits {@code nanos}; an interrupt ends the wait early (the round renders anyway, only sooner). */
        void sleep(long nanos);

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long nanos) {
                try {
                    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /** Writers covered by one render, and who renders it. */
    private static final class Round {
        /** Completes when the round's leader may start (at once for the first round of a quiet spell). */
        final CompletableFuture<Void> go = new CompletableFuture<>();
        /** Completes when a render that started after every member's write is published. */
        final CompletableFuture<Void> published = new CompletableFuture<>();
    }

    /**
     * Call after a write has committed; returns when the public snapshot contains it.
     *
     * @throws NotYetPublic when the render that should have shown the write failed: the write is
     *                      stored, the public page does not show it yet
     */
    public void await() {
        Round round;
        boolean leads;
        synchronized (lock) {
            leads = open == null;
            if (leads) {
                open = new Round();
                if (!busy) {
                    busy = true;
                    open.go.complete(null);
                }
            }
            round = open;
        }
        if (leads) lead(round);
        try {
            round.published.join();
        } catch (java.util.concurrent.CompletionException e) {
            // Every writer of a failed round learns it, not only the one that rendered.
            if (e.getCause() instanceof NotYetPublic failed) throw new NotYetPublic(failed);
            throw e;
        }
    }

    private void lead(Round round) {
        round.go.join();
        long started = ticker.nanoTime();
        Round next;
        RuntimeException failure = null;
        boolean rendered = false;
        try {
            long wait;
            synchronized (lock) {
                wait = notBefore - ticker.nanoTime();
            }
            if (wait > 0) ticker.sleep(wait);
            synchronized (lock) {
                // From here on, arriving writers belong to the next round: this render may have read before their write.
                open = null;
            }
            started = ticker.nanoTime();
            render.run();
            rendered = true;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            long ended = ticker.nanoTime();
            synchronized (lock) {
                next = open;
                // The next render waits out the period whether its writer arrived during this render
                // or just after it: at 50 writes/s a render often finds no writer waiting, and
                // rendering at once for the next one let renders run at nearly the write rate. A
                // write after a quiet spell (one person posting an update) finds the period over and
                // renders at once.
                long took = ended - started;
                typicalRender = typicalRender == 0 ? took : typicalRender + (long) ((took - typicalRender) * SMOOTHING);
                notBefore = started + Math.max(LEAST_PERIOD_NANOS, (long) (typicalRender * PERIOD_FACTOR));
                busy = next != null;
            }
            if (rendered) round.published.complete(null);
            else round.published.completeExceptionally(new NotYetPublic(failure != null ? failure : new IllegalStateException("the render stopped")));
            if (next != null) next.go.complete(null);
        }
    }
}
