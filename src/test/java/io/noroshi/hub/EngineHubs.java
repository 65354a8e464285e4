package io.noroshi.hub;

import io.noroshi.storage.Engine;
import io.noroshi.storage.TestPostgres;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** One demo hub per database engine, started on first use: SQLite in a temporary directory, PostgreSQL in a new database. */
final class EngineHubs implements AutoCloseable {

    private final Path data;
    private final Map<Engine, AdminHub> hubs = new EnumMap<>(Engine.class);
    private String postgresDatabase;

    EngineHubs(Path data) {
        this.data = data;
    }

    AdminHub on(Engine engine) {
        return hubs.computeIfAbsent(engine, e -> switch (e) {
            case SQLITE -> AdminHub.on(data.resolve("sqlite"), null);
            case POSTGRESQL -> {
                TestPostgres.assumeEnabled();
                postgresDatabase = TestPostgres.createDatabase();
                yield AdminHub.on(data.resolve("postgresql"), TestPostgres.urlOf(postgresDatabase));
            }
        });
    }

    @Override
    public void close() {
        hubs.values().forEach(AdminHub::close);
        if (postgresDatabase != null) TestPostgres.dropDatabase(postgresDatabase);
    }
}
