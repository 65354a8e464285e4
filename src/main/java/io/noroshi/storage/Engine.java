package io.noroshi.storage;

import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** The database engines Noroshi runs on; the schema and every store behave the same on both. */
public enum Engine {
    /** A single file under {@code --data DIR}: one writer at a time, readers alongside (WAL). */
    SQLITE(TransactionIsolationLevel.SERIALIZABLE),
    /** A server reached with {@code --database-url}, for several hubs or existing backups. */
    POSTGRESQL(TransactionIsolationLevel.REPEATABLE_READ);

    private final TransactionIsolationLevel readIsolation;

    Engine(TransactionIsolationLevel readIsolation) {
        this.readIsolation = readIsolation;
    }

    /**
     * The isolation that gives a multi-statement read one snapshot (an incident and its updates
     * agree). SQLite only accepts SERIALIZABLE, which under WAL is exactly a snapshot read.
     */
    TransactionIsolationLevel readIsolation() {
        return readIsolation;
    }

    /**
     * What a SELECT inside a write appends to hold its rows until the transaction ends. SQLite's
     * writers already hold the whole file (transactions begin IMMEDIATE), so nothing there.
     */
    String forUpdate() {
        return this == POSTGRESQL ? " FOR UPDATE" : "";
    }
}
