package io.noroshi.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's HTTP server: the snapshot read path in front, Javalin behind it for everything that is
 * not a pre-rendered public file (health, metrics, admin and agent APIs).
 */
public final class HubServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HubServer.class);

    private final Javalin app;
    private final ExecutorService blockingWork = Executors.newVirtualThreadPerTaskExecutor();
    private final SnapshotHandler snapshotHandler;

    /**
     * @param holder the snapshot the public site is served from
     * @param routes registers every dynamic route (see {@link Routes})
     */
    public HubServer(SnapshotHolder holder, Consumer<JavalinConfig> routes) {
        this.snapshotHandler = new SnapshotHandler(holder, blockingWork);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // Jetty's own threads (selector, acceptor, and the read path that answers on them) are
            // platform threads; everything that may block is handed to virtual threads (SnapshotHandler).
            // On virtual threads the selector shared the two carriers with dozens of writers and
            // queued behind them: under 50 writes/s the read rate fell by more than the writes' CPU.
            // As a platform thread it gets its share of the cores from the OS scheduler.
            config.concurrency.useVirtualThreads = false;
            config.http.defaultContentType = "application/json; charset=utf-8";
            config.jetty.modifyServer(server -> {
                snapshotHandler.setHandler(server.getHandler());
                server.setHandler(snapshotHandler);
            });
            routes.accept(config);
        });
    }

    /** Starts listening; {@code port} 0 picks a free port (see {@link #port()}). */
    public HubServer start(String bindAddress, int port) {
        app.start(bindAddress, port);
        log.info("web listening address={} port={}", bindAddress, app.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Exposes the read path's counters: answers from the snapshot, with a body and 304s. */
    public HubServer bindMetrics(MeterRegistry registry) {
        FunctionCounter.builder("noroshi.snapshot.requests", snapshotHandler, SnapshotHandler::servedCount)
                .tag("result", "served").description("public requests answered from the snapshot").register(registry);
        FunctionCounter.builder("noroshi.snapshot.requests", snapshotHandler, SnapshotHandler::notModifiedCount)
                .tag("result", "not_modified").description("public requests answered 304 Not Modified").register(registry);
        return this;
    }

    @Override
    public void close() {
        app.stop();
        blockingWork.close();
    }
}
