package io.noroshi.web;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics} on a separate address ({@code monitoring.metrics_bind}), without a token: for a
 * Prometheus on the same host or a private network, while the public port asks for one. Only
 * {@code GET /metrics} is answered; anything else is 404.
 */
public final class MetricsListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricsListener.class);
    private final HttpServer server;

    private MetricsListener(HttpServer server) {
        this.server = server;
    }

    /** Starts listening on {@code address} (host:port; port 0 picks a free one). */
    public static MetricsListener start(InetSocketAddress address, PrometheusMeterRegistry registry) {
        try {
            var resolved = new InetSocketAddress(address.getHostString(), address.getPort());
            HttpServer server = HttpServer.create(resolved, 16);
            var text = new MetricsText(registry);
            server.createContext("/", exchange -> {
                try (exchange) {
                    boolean metrics = exchange.getRequestURI().getPath().equals("/metrics") && exchange.getRequestMethod().equals("GET");
                    byte[] body = (metrics ? text.scrape() : "not found\n").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", metrics ? "text/plain; version=0.0.4; charset=utf-8" : "text/plain");
                    exchange.getResponseHeaders().set("Cache-Control", "no-store");
                    exchange.sendResponseHeaders(metrics ? 200 : 404, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            log.info("metrics listening address={} port={}", resolved.getHostString(), server.getAddress().getPort());
            return new MetricsListener(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for metrics on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
