package io.noroshi.cli;

import io.noroshi.config.ConfigException;
import io.noroshi.hub.Hub;
import io.noroshi.hub.HubOptions;
import io.noroshi.hub.Launcher;
import io.noroshi.hub.StartupTraining;
import io.noroshi.storage.DatabaseException;
import io.noroshi.web.ConnectionLimits;
import io.noroshi.web.PortInUse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code noroshi serve}: runs the hub until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the hub: public status page, JSON API, feeds and badges on one port.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: ./noroshi.yaml, or the bundled demo with --demo).")
    Path config;

    @Option(names = "--demo", description = "Use the bundled demo config and seed a realistic history on first start.")
    boolean demo;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory of the SQLite database (default: ./data, or ./data/demo with --demo).")
    Path data;

    @Option(names = "--database-url", paramLabel = "URL", defaultValue = "${env:NOROSHI_DATABASE_URL}",
            description = "PostgreSQL JDBC URL instead of SQLite, e.g. jdbc:postgresql://127.0.0.1:5432/noroshi?user=noroshi (env NOROSHI_DATABASE_URL; "
                    + "the password from PGPASSWORD or PGPASSFILE keeps it out of the process list).")
    String databaseUrl;

    @Option(names = "--max-connections", paramLabel = "N",
            description = "HTTP connections held open at most; beyond it new ones wait (default: from the heap and the open-file limit).")
    Integer maxConnections;

    @Option(names = "--startup-training", hidden = true,
            description = "Start the demo on a throwaway directory and a free port, read its pages, stop: the run the launcher records its startup cache from.")
    boolean startupTraining;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            spec.commandLine().getErr().println("noroshi serve: --port must be between 0 and 65535, not " + port);
            return 2;
        }
        if (maxConnections != null && maxConnections < 1) {
            spec.commandLine().getErr().println("noroshi serve: --max-connections must be at least 1, not " + maxConnections);
            return 2;
        }
        if (startupTraining) {
            spec.commandLine().getOut().println("noroshi serve: startup training answered " + StartupTraining.run() + " requests");
            try {
                // The commands too, so a CLI call finds its classes in the same cache.
                spec.commandLine().getOut().println("noroshi serve: startup training ran commands with exit codes " + CommandTraining.run());
            } catch (java.io.IOException | RuntimeException e) {
                spec.commandLine().getErr().println("noroshi serve: command training skipped: " + e);
            }
            return 0;
        }
        if (config == null && !demo) config = Path.of("noroshi.yaml");
        if (config != null && !Files.isRegularFile(config)) {
            String launcher = Launcher.command();
            spec.commandLine().getErr().println("noroshi serve: config file " + config + " not found; try the demo with `" + launcher
                    + " serve --demo`, or write " + config + " and check it with `" + launcher + " check-config " + config + "`");
            return 1;
        }
        if (data == null) data = Path.of(demo ? "data/demo" : "data");
        var options = new HubOptions(config, demo, bind, port, data, databaseUrl,
                ConnectionLimits.forThisProcess().withMaxConnections(maxConnections));
        Hub hub;
        try {
            hub = Hub.start(options);
        } catch (ConfigException e) {
            e.problems().forEach(spec.commandLine().getErr()::println);
            return 1;
        } catch (PortInUse | DatabaseException | IllegalStateException | io.noroshi.mirror.MirrorException e) {
            spec.commandLine().getErr().println("noroshi serve: " + e.getMessage());
            return 1;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().printf("Noroshi hub: status page on http://%s:%d/%n", bind.contains(":") ? "[" + bind + "]" : bind, hub.port());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
