package io.noroshi.storage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers, as the hub's log and {@code /healthz} report it. On PostgreSQL a
 * watcher pings the server every {@link #PING_EVERY}, so an outage is noticed (and logged, once)
 * even when nobody writes; a request that meets one reports it through {@link #down}. When the
 * server answers again that is logged once too. Writes never wait for the watcher: the pool
 * connects again on the next write by itself.
 */
public final class DatabaseHealth implements AutoCloseable {

    public static final Duration PING_EVERY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);

    private final String where;
    private final BooleanSupplier ping;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicBoolean watching = new AtomicBoolean();
    private volatile boolean closed;

    /** @param ping true when the database answers a trivial query; may throw, or take up to the pool's wait */
    DatabaseHealth(String where, BooleanSupplier ping) {
        this.where = where;
        this.ping = ping;
    }

    /** Starts the watcher (a server can go away under the hub; a file cannot, so SQLite needs none). */
    void watch() {
        if (watching.compareAndSet(false, true)) Thread.ofVirtual().name("database-health").start(this::pingUntilClosed);
    }

    public boolean isDown() {
        return down.get();
    }

    /** Reports an outage met by a request; logged once until the database is back. */
    public void down(Throwable failure) {
        markDown(DatabaseOutage.reason(failure));
        watch();
    }

    private void markDown(String reason) {
        if (down.compareAndSet(false, true)) {
            log.error("storage database down at={} reason=\"{}\"; writes answer 503 until it is back, the public page keeps serving",
                    where, reason);
        }
    }

    private void pingUntilClosed() {
        while (!closed) {
            try {
                if (ping.getAsBoolean() && down.compareAndSet(true, false)) log.info("storage database back at={}", where);
            } catch (RuntimeException e) {
                if (DatabaseOutage.isOutage(e)) markDown(DatabaseOutage.reason(e));
            }
            try {
                Thread.sleep(PING_EVERY);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
