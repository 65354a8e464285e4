package io.noroshi.hub;

import java.nio.file.Path;

/**
 * How to start a hub, as given on the command line.
 *
 * @param config      the config file, or null with {@code demo} for the bundled demo config
 * @param demo        seed the demo history on first start
 * @param databaseUrl a PostgreSQL JDBC URL, or null for the SQLite file under {@code dataDir}
 */
public record HubOptions(Path config, boolean demo, String bind, int port, Path dataDir, String databaseUrl) {
}
