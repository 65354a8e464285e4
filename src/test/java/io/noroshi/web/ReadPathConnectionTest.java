package io.noroshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.noroshi.statuspage.Resource;
import io.noroshi.statuspage.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public read path's own HTTP/1.1 connection ({@link ReadPathConnection}): what it answers must be
 * what Jetty and {@link SnapshotHandler} answer, byte for byte but the date, and whatever it does not
 * answer must reach Jetty whole, on the same connection, in order. Raw sockets, so that exactly what
 * goes over the wire is what is compared.
 */
class ReadPathConnectionTest {

    private static final String SUMMARY = "{\"status\":\"" + "ok ".repeat(800) + "\"}";
    /** Larger than a socket's buffers on loopback, so that its write completes later, not within the call. */
    private static final byte[] BIG = "<p>history</p>\n".repeat(12_000).getBytes(StandardCharsets.UTF_8);
    private static final Pattern DATE = Pattern.compile("Date: [^\r]*\r\n");

    static final SnapshotHolder holder = new SnapshotHolder();
    static final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    static HubServer server;

    @BeforeAll
    static void start() throws IOException {
        var summary = Resource.of("application/json; charset=utf-8", SUMMARY.getBytes(StandardCharsets.UTF_8));
        var gzipped = new Resource(summary.contentType(), summary.body(), gzip(summary.body()), summary.etag(), summary.cacheControl());
        holder.publish(new Snapshot(Instant.parse("2026-12-02T00:00:00Z"), "en", Map.of(
                "/api/v2/summary.json", gzipped,
                "/history", Resource.of("text/html; charset=utf-8", BIG))));
        server = new HubServer(holder, new Routes(holder, registry)::register).bindMetrics(registry).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * The same request twice: once as it is, answered by the read path's connection, once with an empty
     * body declared ({@code Content-Length: 0}), which that connection leaves to Jetty and the snapshot
     * handler. The two answers are the same bytes but the Date line.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "GET %s HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n",
        "GET %s HTTP/1.1\r\nHost: hub\r\nAccept-Encoding: br, gzip\r\nConnection: close\r\n\r\n",
        "GET %s HTTP/1.1\r\nHost: hub\r\nAccept-Encoding: gzip;q=0\r\nConnection: close\r\n\r\n",
        "HEAD %s HTTP/1.1\r\nHost: hub\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n",
        "GET %s HTTP/1.1\r\nhost: hub:8080\r\nif-none-match: W/\"x\", ETAG\r\nconnection: close\r\n\r\n",
    })
    void answersAsJettyAndTheSnapshotHandlerDo(String template) throws IOException {
        String etag = holder.site().file("/api/v2/summary.json").etag();
        String request = template.replace("ETAG", etag).formatted("/api/v2/summary.json");
        String fast = exchange(request);
        String jetty = exchange(request.replace("\r\n\r\n", "\r\nContent-Length: 0\r\n\r\n"));

        assertThat(fast).startsWith("HTTP/1.1 ").contains("Connection: close\r\n");
        assertThat(withoutDate(fast)).isEqualTo(withoutDate(jetty));
        assertThat(fast).containsPattern(DATE);
    }

    @Test
    void theReadPathsAnswersAreCountedAsTheSnapshotHandlersAre() throws IOException {
        var served = registry.get("noroshi.snapshot.requests").tag("result", "served").functionCounter();
        double before = served.count();

        exchange("GET /api/v2/summary.json HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n");

        assertThat(served.count()).isEqualTo(before + 1);
    }

    /**
     * A large page without gzip to keep-alive readers is sent whole from a memory file (sendfile, JDK 22+) from its
     * second reader in a second on (the first is copied to); either way it is the same bytes, but the date, as
     * Jetty writes, and the next answer on the connection follows it. Three readers: at least two of them fall in
     * the same second.
     */
    @Test
    void aLargePageIsSentFromAMemoryFileAsJettyWouldWriteIt() throws IOException {
        var sendfile = registry.find("noroshi.snapshot.sendfile.answers").functionCounter();
        double before = sendfile == null ? 0 : sendfile.count();
        String page = "GET /history HTTP/1.1\r\nHost: hub\r\n\r\n";
        String next = "GET /api/v2/summary.json HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n";

        String fast = exchange(page.repeat(3) + next);
        String jetty = exchange(page.replace("\r\n\r\n", "\r\nContent-Length: 0\r\n\r\n").repeat(3) + next);

        assertThat(statusLines(fast)).containsExactly("HTTP/1.1 200 OK", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK");
        assertThat(DATE.matcher(fast).replaceAll("")).isEqualTo(DATE.matcher(jetty).replaceAll(""));
        assertThat(fast.split(Pattern.quote(new String(BIG, StandardCharsets.ISO_8859_1)), -1)).as("whole bodies").hasSize(4);
        assertThat(fast).endsWith(SUMMARY);
        if (Runtime.version().feature() >= 22) {
            assertThat(sendfile).as("sendfile on JDK 22+").isNotNull();
            assertThat(sendfile.count()).isBetween(before + 1, before + 2);
        }
    }

    /**
     * Readers who reset the connection while their large answer is being sent (a closed tab, a lost phone): the
     * send fails, the connection closes, no memory file is left behind beyond the kept ones, and the next reader
     * is answered whole.
     */
    @Test
    void readersResettingDuringALargeAnswerLeaveNothingBehind() throws Exception {
        for (int i = 0; i < 200; i++) {
            try (var socket = new Socket()) {
                socket.setReceiveBufferSize(4096);
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
                socket.getOutputStream().write("GET /history HTTP/1.1\r\nHost: hub\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                if (i % 2 == 0) socket.getInputStream().read(new byte[100]);  // half of them once the answer began
                socket.setSoLinger(true, 0);  // close with a reset
            }
        }

        String response = exchange("GET /history HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n");
        assertThat(statusLines(response)).containsExactly("HTTP/1.1 200 OK");
        assertThat(response).endsWith(new String(BIG, StandardCharsets.ISO_8859_1));
        var files = registry.find("noroshi.snapshot.sendfile.files").gauge();
        if (files != null) assertThat(files.value()).isLessThanOrEqualTo(AnswerFiles.SLOTS);
    }

    /** Pipelined: snapshot, health (Javalin, on a worker thread), snapshot again: three answers, in order. */
    @Test
    void requestsItDoesNotAnswerReachJettyInOrderOnTheSameConnection() throws IOException {
        String response = exchange("GET /api/v2/summary.json HTTP/1.1\r\nHost: hub\r\n\r\n"
                + "GET /healthz HTTP/1.1\r\nHost: hub\r\n\r\n"
                + "GET /api/v2/summary.json HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n");

        assertThat(statusLines(response)).containsExactly("HTTP/1.1 200 OK", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK");
        assertThat(response.split(Pattern.quote(SUMMARY), -1)).as("summary bodies").hasSize(3);
    }

    /** A request that arrives a few bytes at a time (a slow network) is answered once it is whole, once. */
    @Test
    void aRequestArrivingInPiecesIsAnsweredOnceWhole() throws Exception {
        byte[] request = "GET /api/v2/summary.json HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (var socket = connect()) {
            for (int i = 0; i < request.length; i += 7) {
                socket.getOutputStream().write(request, i, Math.min(7, request.length - i));
                socket.getOutputStream().flush();
                Thread.sleep(5);
            }
            String response = readAll(socket.getInputStream());
            assertThat(statusLines(response)).containsExactly("HTTP/1.1 200 OK");
            assertThat(response).endsWith(SUMMARY);
        }
    }

    /** Two large answers pipelined to a reader who reads slowly: the writes complete later and both arrive whole. */
    @Test
    void largeAnswersToASlowReaderArriveWholeAndInOrder() throws Exception {
        try (var socket = new Socket()) {
            socket.setReceiveBufferSize(8192);
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /history HTTP/1.1\r\nHost: hub\r\n\r\n"
                    + "GET /history HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(200);  // the hub fills the socket's buffers and waits for the reader
            var received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) >= 0; ) received.write(chunk, 0, n);
            String response = received.toString(StandardCharsets.UTF_8);
            assertThat(statusLines(response)).containsExactly("HTTP/1.1 200 OK", "HTTP/1.1 200 OK");
            String big = new String(BIG, StandardCharsets.UTF_8);
            assertThat(response.split(Pattern.quote(big), -1)).as("whole bodies").hasSize(3);
        }
    }

    /** What the read path does not understand is Jetty's to judge: its answers, errors included, are Jetty's. */
    @ParameterizedTest
    @ValueSource(strings = {
        "GET /api/v2/summary.json HTTP/1.1\r\nConnection: close\r\n\r\n|HTTP/1.1 400",                       // no Host
        "GET /api/v2/summary.json HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n|HTTP/1.1 400",   // two
        "GET /api/v2/summary.json HTTP/1.1\r\nHost: hub\r\nX-A: 1\r\n folded\r\nConnection: close\r\n\r\n|HTTP/1.1 400",
        "GET /api/v2/summary.json HTTP/1.1\r\nHost: hub\r\nX-Big: BIG\r\nConnection: close\r\n\r\n|HTTP/1.1 431",
        "POST /api/v2/summary.json HTTP/1.1\r\nHost: hub\r\nContent-Length: 2\r\nConnection: close\r\n\r\nab|HTTP/1.1 405",
        "GET /api/v2/./summary.json HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n|HTTP/1.1 404",
        "GET /api/v2/%73ummary.json HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n|HTTP/1.1 404",
        "GET /api/v2/summary.json HTTP/1.0\r\n\r\n|HTTP/1.1 200",
        "GET /no-such-page HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n|HTTP/1.1 404",
    })
    void whatItDoesNotUnderstandJettyAnswers(String requestAndStatus) throws IOException {
        String[] parts = requestAndStatus.split("\\|");
        String request = parts[0].replace("BIG", "x".repeat(9000));

        assertThat(exchange(request)).startsWith(parts[1]);
    }

    private static Socket connect() throws IOException {
        var socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends the request and reads until the hub closes the connection. */
    private static String exchange(String request) throws IOException {
        try (var socket = connect()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        var received = new ByteArrayOutputStream();
        in.transferTo(received);
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    private static String withoutDate(String response) {
        return DATE.matcher(response).replaceFirst("");
    }

    private static List<String> statusLines(String response) {
        var lines = new ArrayList<String>();
        var matcher = Pattern.compile("HTTP/1\\.1 \\d{3}[^\r]*").matcher(response);
        while (matcher.find()) lines.add(matcher.group());
        return lines;
    }

    private static byte[] gzip(byte[] body) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.toByteArray();
    }
}
