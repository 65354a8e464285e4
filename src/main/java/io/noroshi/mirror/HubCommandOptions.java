package io.noroshi.mirror;

import io.noroshi.config.ConfigLoader;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.statuspage.PageDataSource;
import io.noroshi.statuspage.SiteRenderer;
import io.noroshi.statuspage.Snapshot;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options {@code noroshi publish} and {@code noroshi restore} share with {@code serve}: config and database. */
public final class HubCommandOptions {

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "noroshi.yaml", description = "Config file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Directory of the SQLite database (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--database-url", paramLabel = "URL", defaultValue = "${env:NOROSHI_DATABASE_URL}",
            description = "PostgreSQL JDBC URL instead of SQLite (env NOROSHI_DATABASE_URL).")
    String databaseUrl;

    NoroshiConfig loadConfig() {
        return new ConfigLoader().load(config);
    }

    Database openDatabase() {
        return Database.open(DatabaseSettings.fromCommandLine(data, Optional.ofNullable(databaseUrl)));
    }

    /** The public site as the hub renders it from {@code database} now. */
    static Snapshot render(NoroshiConfig config, Database database, Clock clock) {
        var source = new PageDataSource(config, database.incidents(), database.maintenance(), database.componentStates(), database.uptime(), clock);
        return new SiteRenderer().render(source.read());
    }
}
