package io.noroshi.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's HTTP server: the snapshot read path in front, Javalin behind it for everything that is
 * not a pre-rendered public file (health, metrics, admin and agent APIs). Its connections are
 * bounded by {@link ConnectionLimits}: a stampede is served or waits, it never exhausts the heap.
 */
public final class HubServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HubServer.class);

    private final Javalin app;
    private final ExecutorService blockingWork = Executors.newVirtualThreadPerTaskExecutor();
    private final SnapshotHandler snapshotHandler;
    private final ConnectionLimits limits;
    private final ArrayByteBufferPool buffers;
    /** Large answers sent with sendfile from memory files; null where this JVM cannot (they are copied). */
    private final AnswerFiles answers = AnswerFiles.load();
    /** Where to listen: set by {@link #start}, read when Javalin asks for the connector during its start. */
    private String bindAddress;
    private int bindPort;
    private ConnectionShedding shedding;

    /** A server with the limits this JVM's heap and file descriptors allow. */
    public HubServer(SnapshotHolder holder, Consumer<JavalinConfig> routes) {
        this(holder, routes, ConnectionLimits.forThisProcess());
    }

    /**
     * @param holder the snapshot the public site is served from
     * @param routes registers every dynamic route (see {@link Routes})
     * @param limits how many connections are held open and how much buffer memory is kept
     */
    public HubServer(SnapshotHolder holder, Consumer<JavalinConfig> routes, ConnectionLimits limits) {
        this.snapshotHandler = new SnapshotHandler(holder, blockingWork);
        this.limits = limits;
        // -1: Jetty's default bucket sizes; the memory it keeps for reuse is what is bounded here.
        this.buffers = new ArrayByteBufferPool(0, -1, -1, -1, limits.bufferPoolBytes(), limits.bufferPoolBytes());
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
            // Jetty's per-connection header cache is a 26 KB trie for every open connection: with it,
            // 1,000 keep-alive readers filled a 64 MB heap. Without it a connection holds about 2.7 KB.
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
            config.jetty.addConnector((server, http) -> {
                var connector = new PromptCloseConnector(server, buffers, selectors(), http, holder, snapshotHandler, answers);
                connector.setIdleTimeout(limits.idleTimeout().toMillis());
                connector.setAcceptQueueSize(ConnectionLimits.ACCEPT_QUEUE);
                connector.setHost(bindAddress);
                connector.setPort(bindPort);
                return connector;
            });
            config.jetty.modifyServer(server -> {
                snapshotHandler.setHandler(server.getHandler());
                server.setHandler(snapshotHandler);
                // A dynamic server (Jetty's default: handlers may change after start) calls itself
                // blocking, so every read of every connection was handed to a pool thread (and the
                // selector's role to another one) although the read path never blocks.
                server.setDynamic(false);
                shedding = new ConnectionShedding(limits, server);
                server.addBean(shedding);
            });
            routes.accept(config);
        });
    }

    /**
     * One selector per core (at most 4). The read path answers on the selector thread itself, so
     * Jetty's default of one per two cores left one of this machine's two cores to the load: with
     * 1,000 keep-alive readers, two selectors served 55-65k requests/s against one's 46-52k (nginx 60-68k).
     */
    private static int selectors() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Starts listening; {@code port} 0 picks a free port (see {@link #port()}). */
    public HubServer start(String bindAddress, int port) {
        this.bindAddress = bindAddress;
        this.bindPort = port;
        try {
            app.start();
        } catch (RuntimeException e) {
            // Another process took the port between ListenAddress's check and now.
            var bind = ListenAddress.bindFailure(e);
            if (bind == null) throw e;
            app.stop();
            throw ListenAddress.failure(bindAddress, port, bind);
        }
        log.info("web listening address={} port={} max_connections={}", bindAddress, app.port(), limits.maxConnections());
        return this;
    }

    /** Requests the public page has answered from its snapshot so far (with a body or 304). */
    public long readsServed() {
        return snapshotHandler.servedCount() + snapshotHandler.notModifiedCount();
    }

    public int port() {
        return app.port();
    }

    /** Exposes the read path's counters and the connection limits' state. */
    public HubServer bindMetrics(MeterRegistry registry) {
        FunctionCounter.builder("noroshi.snapshot.requests", snapshotHandler, SnapshotHandler::servedCount)
                .tag("result", "served").description("public requests answered from the snapshot").register(registry);
        FunctionCounter.builder("noroshi.snapshot.requests", snapshotHandler, SnapshotHandler::notModifiedCount)
                .tag("result", "not_modified").description("public requests answered 304 Not Modified").register(registry);
        if (answers != null) {
            FunctionCounter.builder("noroshi.snapshot.sendfile.answers", answers, AnswerFiles::sent)
                    .description("public answers sent whole with sendfile from a memory file").register(registry);
            Gauge.builder("noroshi.snapshot.sendfile.files", answers, AnswerFiles::open)
                    .description("memory files holding large answers now").register(registry);
        }
        Gauge.builder("noroshi.http.connections.open", this, s -> s.shedding.getNetworkConnectionCount())
                .description("HTTP connections open now").register(registry);
        Gauge.builder("noroshi.http.connections.max", limits, ConnectionLimits::maxConnections)
                .description("HTTP connections held open at most; beyond it new ones wait").register(registry);
        Gauge.builder("noroshi.http.connections.shedding", this, s -> s.shedding.shedding())
                .description("1 while the connection limit is reached and new connections wait, else 0").register(registry);
        FunctionCounter.builder("noroshi.http.connections.limit.reached", this, s -> s.shedding.episodes())
                .description("times the connection limit was reached since start").register(registry);
        Gauge.builder("noroshi.http.buffer.pool.bytes", buffers, ArrayByteBufferPool::getHeapMemory).tag("memory", "heap")
                .description("bytes of idle buffers kept by the HTTP buffer pool").register(registry);
        Gauge.builder("noroshi.http.buffer.pool.bytes", buffers, ArrayByteBufferPool::getDirectMemory).tag("memory", "direct")
                .description("bytes of idle buffers kept by the HTTP buffer pool").register(registry);
        return this;
    }

    @Override
    public void close() {
        app.stop();
        blockingWork.close();
        if (answers != null) answers.close();
    }
}
