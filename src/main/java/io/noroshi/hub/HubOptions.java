package io.noroshi.hub;

import io.noroshi.web.ConnectionLimits;
import java.nio.file.Path;

/**
 * How to start a hub, as given on the command line.
 *
 * @param config      the config file, or null with {@code demo} for the bundled demo config
 * @param demo        seed the demo history on first start
 * @param databaseUrl a PostgreSQL JDBC URL, or null for the SQLite file under {@code dataDir}
 * @param connections how many HTTP connections the hub holds open (see {@link ConnectionLimits})
 */
public record HubOptions(Path config, boolean demo, String bind, int port, Path dataDir, String databaseUrl,
                         ConnectionLimits connections) {

    /** Options with the connection limits this JVM's heap and file descriptors allow. */
    public HubOptions(Path config, boolean demo, String bind, int port, Path dataDir, String databaseUrl) {
        this(config, demo, bind, port, dataDir, databaseUrl, ConnectionLimits.forThisProcess());
    }
}
