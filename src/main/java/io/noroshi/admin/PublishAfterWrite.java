package io.noroshi.admin;

/**
 * Makes a write visible before its request returns: {@link #await()} blocks until a render that
 * started after the caller's write has been published. Concurrent writers share renders: while one
 * render runs, every writer that arrives waits for the next one, which then covers them all, so
 * fifty writers cause two renders, not fifty.
 */
public final class PublishAfterWrite {

    private final Runnable render;
    private final Object lock = new Object();
    /** Writes finished so far, counted. */
    private long written;
    /** Every write up to this count is in the published snapshot. */
    private long published;
    private boolean rendering;

    /** @param render renders and publishes the site on the caller's thread ({@code SnapshotPublisher::publishNow}) */
    public PublishAfterWrite(Runnable render) {
        this.render = render;
    }

    /** Call after a write has committed; returns when the public snapshot contains it. */
    public void await() {
        long mine;
        long covers;
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
            covers = written;
        }
        try {
            render.run();
        } finally {
            synchronized (lock) {
                rendering = false;
                published = Math.max(published, covers);
                lock.notifyAll();
            }
        }
    }
}
