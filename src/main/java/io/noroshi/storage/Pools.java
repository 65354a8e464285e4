package io.noroshi.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Consumer;

/**
 * The connection pools of an open database: {@code writes} for transactions that change data (and
 * for migrations), {@code reads} for snapshots. They may be the same pool.
 *
 * @param where the database as shown to operators (file path or redacted host:port/db)
 */
record Pools(Engine engine, HikariDataSource reads, HikariDataSource writes, String where) implements AutoCloseable {

    @Override
    public void close() {
        if (reads != writes) {
            reads.close();
        }
        writes.close();
    }

    /** Builds a pool, closing {@code opened} first when that fails so nothing leaks. */
    static HikariDataSource pool(Consumer<HikariConfig> settings, AutoCloseable... opened) {
        var config = new HikariConfig();
        settings.accept(config);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            for (AutoCloseable closeable : opened) {
                try {
                    closeable.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }
}
