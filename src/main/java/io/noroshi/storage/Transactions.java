package io.noroshi.storage;

import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * How stores reach the database: writes through one path that the engine serialises, reads through
 * a snapshot. On SQLite the write pool holds a single connection that begins every transaction
 * IMMEDIATE, so writers queue in the JVM instead of failing with SQLITE_BUSY; on PostgreSQL both
 * paths share one pool and row locks order the writers.
 *
 * <p>Writes nest: a write (or read) made while this thread is inside {@link #together} (or another
 * write) joins that transaction instead of opening its own, so an admin change and its audit entry,
 * written by different stores, commit together or not at all.
 */
record Transactions(Jdbi reads, Jdbi writes, Engine engine, RandomIds ids, TextJson texts, ThreadLocal<Handle> open)
        implements AllOrNothing {

    Transactions(Jdbi reads, Jdbi writes, Engine engine, RandomIds ids, TextJson texts) {
        this(reads, writes, engine, ids, texts, new ThreadLocal<>());
    }

    /** Runs {@code work} in one write transaction (the caller's, when one is open): all of it is stored, or none. */
    <R> R write(HandleCallback<R, RuntimeException> work) {
        Handle joined = open.get();
        if (joined != null) return work.withHandle(joined);
        return writes.inTransaction(handle -> {
            open.set(handle);
            try {
                return work.withHandle(handle);
            } finally {
                open.remove();
            }
        });
    }

    /** Whether this thread is inside a write, whose data may still roll back. */
    boolean inWrite() {
        return open.get() != null;
    }

    @Override
    public <R> R together(Supplier<R> work) {
        return write(handle -> work.get());
    }

    /**
     * Runs {@code work} in one read-only snapshot; inside a write on this thread, in that write's
     * transaction instead, so a change spanning stores reads back what it wrote so far.
     */
    <R> R read(HandleCallback<R, RuntimeException> work) {
        Handle joined = open.get();
        if (joined != null) return work.withHandle(joined);
        return reads.inTransaction(engine.readIsolation(), handle -> {
            markReadOnly(handle);
            return work.withHandle(handle);
        });
    }

    private void markReadOnly(Handle handle) {
        // PostgreSQL rejects accidental writes in a read; SQLite has no per-transaction switch.
        if (engine == Engine.POSTGRESQL) {
            handle.execute("SET TRANSACTION READ ONLY");
        }
    }
}
