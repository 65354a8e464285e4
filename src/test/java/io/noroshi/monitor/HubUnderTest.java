package io.noroshi.monitor;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.noroshi.config.ConfigLoader;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.probe.Checkers;
import io.noroshi.probe.heartbeat.HeartbeatLedger;
import io.noroshi.probe.http.HttpChecker;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseSettings;
import io.noroshi.web.HubServer;
import io.noroshi.web.Routes;
import io.noroshi.web.SnapshotHolder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The hub's monitoring as Hub wires it, on a real SQLite file and a real web server on loopback,
 * with the server stoppable and restartable on the same port (to cut agents off).
 */
public final class HubUnderTest implements AutoCloseable {

    public final NoroshiConfig config;
    public final Database db;
    public final Monitoring monitoring;
    public final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    public final RecordingEvents events = new RecordingEvents();
    public final AtomicInteger refreshes = new AtomicInteger();
    private final SnapshotHolder holder = new SnapshotHolder();
    private HubServer server;
    private int port;

    public HubUnderTest(String yaml, Path dataDir) {
        this.config = new ConfigLoader().parse("noroshi.yaml", yaml);
        this.db = Database.open(DatabaseSettings.Sqlite.inDataDir(dataDir));
        var clock = Clock.systemUTC();
        var ledger = new HeartbeatLedger(clock);
        this.monitoring = new Monitoring(config, new Monitoring.Stores(db.results(), db.componentStates(), db.uptime()),
                Checkers.standard(clock, HttpChecker.defaultClient(), ledger), ledger, metrics, clock, refreshes::incrementAndGet);
        events.subscribedTo(monitoring.events());
        startServer(0);
        monitoring.start();
    }

    public void startServer(int onPort) {
        server = new HubServer(holder, new Routes(holder, metrics, monitoring.agentApi(), null, null)::register).start("127.0.0.1", onPort);
        port = server.port();
    }

    public void stopServer() {
        server.close();
    }

    public void restartServer() {
        startServer(port);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    public Verdict verdict(String monitor) {
        return monitoring.engine().verdict(monitor);
    }

    /** Waits, at most {@code limit}, for {@code condition}; real time is unavoidable with real servers. */
    public static boolean await(Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) return true;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        monitoring.close();
        server.close();
        db.close();
    }
}
