package io.noroshi.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/** Opens the SQLite file of {@code --data DIR}: checks the directory, then builds the two pools. */
final class SqliteFile {

    /** How long a connection waits for another process's write lock before giving up. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    /** Readers never block the writer under WAL, so a few are enough for the page and the API. */
    static final int READ_POOL_SIZE = 4;

    private SqliteFile() {
    }

    static Pools open(DatabaseSettings.Sqlite settings) {
        Path file = settings.file().toAbsolutePath();
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw cannotOpen(file, "cannot create directory " + dir + " (" + e + ")", e);
        }
        if (!Files.isWritable(dir)) {
            // SQLite writes noroshi.db-wal and -shm beside the file, so the directory must be writable.
            throw cannotOpen(file, "directory " + dir + " is not writable", null);
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw cannotOpen(file, "file is not writable", null);
        }
        String url = "jdbc:sqlite:" + file;
        probe(file, url);
        var writes = Pools.pool(config -> {
            config.setPoolName("noroshi-sqlite-writes");
            config.setJdbcUrl(url);
            // One connection: SQLite allows one writer, and queueing here beats SQLITE_BUSY retries.
            config.setMaximumPoolSize(1);
            config.setDataSourceProperties(pragmas(SQLiteConfig.TransactionMode.IMMEDIATE));
        });
        var reads = Pools.pool(config -> {
            config.setPoolName("noroshi-sqlite-reads");
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(READ_POOL_SIZE);
            config.setMinimumIdle(1);
            config.setDataSourceProperties(pragmas(SQLiteConfig.TransactionMode.DEFERRED));
        }, writes);
        return new Pools(Engine.SQLITE, reads, writes, file.toString());
    }

    private static Properties pragmas(SQLiteConfig.TransactionMode mode) {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL under WAL can lose the last commits on power loss but never corrupts the file.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(mode);
        return config.toProperties();
    }

    /** Opens and reads the file once outside the pool, so a bad file yields one clear message. */
    private static void probe(Path file, String url) {
        try (Connection connection = DriverManager.getConnection(url, pragmas(SQLiteConfig.TransactionMode.DEFERRED));
             var statement = connection.createStatement()) {
            statement.execute("SELECT count(*) FROM sqlite_master");
        } catch (SQLException e) {
            throw cannotOpen(file, e.getMessage(), e);
        }
    }

    private static DatabaseException cannotOpen(Path file, String reason, Exception cause) {
        return new DatabaseException("cannot open database at " + file + ": " + reason, cause);
    }
}
