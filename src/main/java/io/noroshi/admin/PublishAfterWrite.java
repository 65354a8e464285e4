package io.noroshi.admin;

/**
 * Makes a write visible before its request returns: {@link #await()} blocks until a render that
 * started after the caller's write has been published. Concurrent writers share renders: while one
 * render runs, every writer that arrives waits for the next one, which then covers them all, so
 * fifty writers cause two renders, not fifty.
 *
 * <p>A render re-renders the whole site (tens of milliseconds of CPU). Under a stream of writes
 * renders would run back to back and take a whole core from the read path during exactly the
 * stampede the read path exists for; so when writes arrived during a render, the next one starts
 * no sooner than {@link #GAP_FACTOR} times its duration after it ended. A lone write renders at once.
 */
public final class PublishAfterWrite {

    /**
     * Under a stream of writes, the pause after a render as a multiple of its duration: 2 caps
     * rendering at a third of a core, whatever the write rate.
     */
    public static final double GAP_FACTOR = 2.0;

    private final Runnable render;
    private final Object lock = new Object();
    /** Writes finished so far, counted. */
    private long written;
    /** Every write up to this count is in the published snapshot. */
    private long published;
    private boolean rendering;
    /** System.nanoTime() before which the next render should not start. */
    private long notBefore = System.nanoTime();

    /** @param render renders and publishes the site on the caller's thread ({@code SnapshotPublisher::publishNow}) */
    public PublishAfterWrite(Runnable render) {
        this.render = render;
    }

    /** Call after a write has committed; returns when the public snapshot contains it. */
    public void await() {
        long mine;
        long wait;
        synchronized (lock) {
            mine = ++written;
            while (published < mine && rendering) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    // Give up waiting, not publishing: whoever renders next covers this write too.
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (published >= mine) return;
            rendering = true;
            wait = notBefore - System.nanoTime();
        }
        long covers = mine;
        long started = System.nanoTime();
        try {
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            synchronized (lock) {
                // writers that came while this one paused are in this render too
                covers = written;
            }
            started = System.nanoTime();
            render.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            render.run();
        } finally {
            long ended = System.nanoTime();
            synchronized (lock) {
                rendering = false;
                published = Math.max(published, covers);
                // Writes that arrived during the render mean a stream: pause before the next one.
                // A write after a quiet spell (one person posting an update) renders at once.
                boolean stream = written > covers;
                notBefore = stream ? ended + (long) ((ended - started) * GAP_FACTOR) : ended;
                lock.notifyAll();
            }
        }
    }
}
