package io.noroshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.noroshi.statuspage.Resource;
import io.noroshi.statuspage.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Readers who close after each request ({@code Connection: close}): the hub closes such a connection
 * itself once the answer is written, and nothing of the answer, the connection count or the connection
 * cap may suffer for it. Raw sockets, so that what the hub does with the connection is what is seen.
 */
class PromptCloseConnectorTest {

    private static final String SUMMARY = "{\"status\":\"" + "ok".repeat(2000) + "\"}";
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

    static final SnapshotHolder holder = new SnapshotHolder();
    static final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    static HubServer server;

    @BeforeAll
    static void start() {
        holder.publish(new Snapshot(Instant.parse("2026-12-02T00:00:00Z"), "en", Map.of("/api/v2/summary.json",
                Resource.of("application/json; charset=utf-8", SUMMARY.getBytes(StandardCharsets.UTF_8)))));
        server = new HubServer(holder, new Routes(holder, registry)::register).bindMetrics(registry).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The summary is answered on the selector thread, /healthz on a virtual thread: two ways a response completes. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v2/summary.json", "/healthz"})
    void aClosingReaderGetsTheWholeAnswerThenTheEndOfTheConnection(String path) throws Exception {
        String response = exchange(server.port(), "GET " + path + " HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close");
        assertThat(bodyOf(response)).hasSize(contentLength(response));
        assertThat(awaitOpenConnections(0)).as("connections open once the reader has its answer").isZero();
    }

    @Test
    void aRequestSentAfterConnectionCloseCostsTheFirstNothingOfItsAnswer() throws IOException {
        String request = "GET /api/v2/summary.json HTTP/1.1\r\nHost: hub\r\n";
        String response = exchange(server.port(), request + "Connection: close\r\n\r\n" + request + "\r\n");

        assertThat(response.split("HTTP/1.1 ", -1)).as("one answer, for the first request only").hasSize(2);
        assertThat(bodyOf(response)).isEqualTo(SUMMARY);
    }

    @Test
    void closedConnectionsGiveTheirPlaceUnderTheCapBack() throws IOException {
        var limits = new ConnectionLimits(5, Duration.ofSeconds(30), Duration.ofSeconds(2), 1024 * 1024);
        try (var capped = new HubServer(holder, c -> { }, limits).start("127.0.0.1", 0)) {
            // Ten times the cap, one after another: a closed connection not counted as closed would leave
            // the hub refusing to accept after the fifth, and the sixth reader would wait for its timeout.
            for (int i = 0; i < 50; i++) {
                String response = exchange(capped.port(), "GET /api/v2/summary.json HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n");
                assertThat(response).as("reader %d", i).startsWith("HTTP/1.1 200");
                assertThat(bodyOf(response)).isEqualTo(SUMMARY);
            }
        }
    }

    /**
     * Slow readers who give up in the middle of their request headers, all at once (a crowd on a bad
     * network, or a slowloris leaving): nobody is left to read an answer, so none is written, and the hub
     * starts no thread per abandoned request. Jetty wrote each a 400 from a pool thread and, with none
     * free, started a new thread for each: 500 readers leaving started hundreds of threads.
     */
    @Test
    void readersWhoLeaveMidRequestCostNoThreadAndTheHubAnswersTheNext() throws Exception {
        var sockets = new ArrayList<Socket>();
        try {
            for (int i = 0; i < 500; i++) {
                var socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
                socket.getOutputStream().write("GET /api/v2/summary.json HTTP/1.1\r\nHost: hub\r\n".getBytes(StandardCharsets.US_ASCII));
                sockets.add(socket);
            }
            assertThat(awaitOpenConnections(500)).as("connections open with a request half sent").isEqualTo(500);
            long threadsBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
            for (var socket : sockets) {
                socket.setSoLinger(true, 0);  // a reset, as a browser tab closed on a mobile network sends
                socket.close();
            }
            assertThat(awaitOpenConnections(0)).as("connections open after the readers left").isZero();
            long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - threadsBefore;
            assertThat(started).as("threads started for 500 readers who left").isLessThan(20);
        } finally {
            for (var socket : sockets) socket.close();
        }
        assertThat(exchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
    }

    /** A reader who half-closes in the middle of the headers gets the end of the connection and no answer. */
    @Test
    void aRequestCutOffByTheReadersCloseIsNotAnswered() throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /api/v2/summary.json HTTP/1.1\r\nHost: hub\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            assertThat(socket.getInputStream().readAllBytes()).as("what the hub wrote back").isEmpty();
        }
    }

    /** A request that is wrong (not cut off) is still answered 400, and the connection closed after it. */
    @Test
    void aMalformedRequestIsStillAnswered400() throws IOException {
        String response = exchange(server.port(), "GET /api/v2/summary.json HTTP/1.1\r\nHost hub\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
    }

    /** Sends the request and reads until the hub closes; a reset instead of a close fails with an exception. */
    private static String exchange(int port, String request) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            var received = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(received);
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private static String bodyOf(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    private static int contentLength(String response) {
        var matcher = CONTENT_LENGTH.matcher(response);
        assertThat(matcher.find()).as("Content-Length in %s", response).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** Waits, bounded, for the hub to count its open connections down to {@code expected}; returns the last count. */
    private static double awaitOpenConnections(double expected) throws InterruptedException {
        var gauge = registry.get("noroshi.http.connections.open").gauge();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (gauge.value() != expected && System.nanoTime() < deadline) Thread.sleep(10);
        return gauge.value();
    }
}
