package io.noroshi.mirror;

/** Reads the public history as a {@link HistoryExport} and writes one back into an empty database. */
public interface HistoryStore {

    /** Every row of the exported tables, in key order: equal data gives equal exports. */
    HistoryExport read();

    /**
     * Writes every row of {@code export} in one transaction.
     *
     * @throws MirrorException when the database already holds history (a restore never mixes two hubs' data)
     */
    void restore(HistoryExport export);
}
