package io.noroshi.storage;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * How stores reach the database: writes through one path that the engine serialises, reads through
 * a snapshot. On SQLite the write pool holds a single connection that begins every transaction
 * IMMEDIATE, so writers queue in the JVM instead of failing with SQLITE_BUSY; on PostgreSQL both
 * paths share one pool and row locks order the writers.
 */
record Transactions(Jdbi reads, Jdbi writes, Engine engine, RandomIds ids, TextJson texts) {

    /** Runs {@code work} in one write transaction: all of it is stored, or none. */
    <R> R write(HandleCallback<R, RuntimeException> work) {
        return writes.inTransaction(work);
    }

    /** Runs {@code work} in one read-only snapshot. */
    <R> R read(HandleCallback<R, RuntimeException> work) {
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
