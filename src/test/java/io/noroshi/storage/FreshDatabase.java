package io.noroshi.storage;

import java.nio.file.Path;

/** A new, empty, migrated database on one engine, removed again on close. */
final class FreshDatabase implements AutoCloseable {

    private final Engine engine;
    private final DatabaseSettings settings;
    private final String postgresName;
    private Database database;

    private FreshDatabase(Engine engine, DatabaseSettings settings, String postgresName) {
        this.engine = engine;
        this.settings = settings;
        this.postgresName = postgresName;
        this.database = Database.open(settings);
    }

    /** On SQLite a file in {@code tempDir}; on PostgreSQL a new database (aborts when switched off). */
    static FreshDatabase open(Engine engine, Path tempDir) {
        return switch (engine) {
            case SQLITE -> new FreshDatabase(engine, DatabaseSettings.Sqlite.inDataDir(tempDir), null);
            case POSTGRESQL -> {
                TestPostgres.assumeEnabled();
                String name = TestPostgres.createDatabase();
                try {
                    yield new FreshDatabase(engine, new DatabaseSettings.Postgres(TestPostgres.urlOf(name)), name);
                } catch (RuntimeException e) {
                    TestPostgres.dropDatabase(name);
                    throw e;
                }
            }
        };
    }

    Database db() {
        return database;
    }

    Engine engine() {
        return engine;
    }

    DatabaseSettings settings() {
        return settings;
    }

    /** Closes and opens the same database again, as a restart of the hub would. */
    Database reopen() {
        database.close();
        database = Database.open(settings);
        return database;
    }

    @Override
    public void close() {
        database.close();
        if (postgresName != null) {
            TestPostgres.dropDatabase(postgresName);
        }
    }
}
