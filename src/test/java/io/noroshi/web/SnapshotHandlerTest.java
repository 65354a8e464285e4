package io.noroshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.noroshi.statuspage.Resource;
import io.noroshi.statuspage.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotHandlerTest {

    static final SnapshotHolder holder = new SnapshotHolder();
    static HubServer server;
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        holder.publish(new Snapshot(Instant.parse("2026-11-25T00:00:00Z"), "en", Map.of(
                "/", html("home-en " + "x".repeat(2000)),
                "/ja/", html("home-ja " + "あ".repeat(500)),
                "/history", html("history-1"),
                "/history/2", html("history-2"),
                "/ja/history/2", html("history-2-ja"),
                "/api/v2/summary.json", resource("application/json; charset=utf-8", "{\"a\":1}"))));
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        server = new HubServer(holder, new Routes(holder, registry)::register).bindMetrics(registry).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1} accept-language={2} -> {3}")
    @CsvSource({
            "/, '', '', home-en",
            "/, lang=ja, '', home-ja",
            "/ja/, '', '', home-ja",
            "/ja/, lang=en, '', home-en",
            "/, '', 'ja,en;q=0.5', home-ja",
            "/, '', 'en-US,ja;q=0.9', home-en",
            "/, lang=en, 'ja', home-en",
            "/history, page=2, '', history-2",
            "/history, page=2&lang=ja, '', history-2-ja",
            "/history, '', '', history-1",
    })
    void picksTheLanguageAndPageVariant(String path, String query, String acceptLanguage, String expected) throws Exception {
        var builder = HttpRequest.newBuilder(uri(path + (query.isEmpty() ? "" : "?" + query)));
        if (!acceptLanguage.isEmpty()) builder.header("Accept-Language", acceptLanguage);
        var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith(expected);
    }

    @Test
    void matchingEtagIsAnswered304WithoutBody() throws Exception {
        var first = client.send(HttpRequest.newBuilder(uri("/api/v2/summary.json")).build(), HttpResponse.BodyHandlers.ofString());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        var second = client.send(HttpRequest.newBuilder(uri("/api/v2/summary.json")).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        var stale = client.send(HttpRequest.newBuilder(uri("/api/v2/summary.json")).header("If-None-Match", "\"other\"").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stale.statusCode()).isEqualTo(200);
    }

    @Test
    void gzipIsServedPrecompressedWhenAccepted() throws Exception {
        var response = client.send(HttpRequest.newBuilder(uri("/")).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(response.headers().firstValue("Content-Length")).contains(String.valueOf(response.body().length));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age"));
        assertThat(response.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Accept-Language"));
        try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("home-en");
        }
    }

    @Test
    void headHasHeadersButNoBody() throws Exception {
        var response = client.send(HttpRequest.newBuilder(uri("/api/v2/summary.json")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).contains("7");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void otherPathsReachTheDynamicRoutes() throws Exception {
        var health = client.send(HttpRequest.newBuilder(uri("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"");
        var missing = client.send(HttpRequest.newBuilder(uri("/no/such/page")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("not_found").doesNotContain("Exception");
    }

    @Test
    void metricsAreExposedInPrometheusTextFormat() throws Exception {
        var response = client.send(HttpRequest.newBuilder(uri("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.body()).contains("noroshi_snapshot_requests_total");
    }

    @Test
    void aWriteToAPublicFileIs405WithAllowAndAJsonBody() throws Exception {
        for (String method : new String[] {"POST", "PUT", "DELETE"}) {
            var response = client.send(HttpRequest.newBuilder(uri("/api/v2/summary.json"))
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
            assertThat(response.body()).contains("\"error\":\"method_not_allowed\"").contains(method + " is not allowed");
        }
        // a path that is no public file keeps its own answer
        var elsewhere = client.send(HttpRequest.newBuilder(uri("/no/such/page")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isNotEqualTo(405);
    }

    @Test
    void connectionsAndBufferMemoryAreVisibleInMetrics() throws Exception {
        var body = client.send(HttpRequest.newBuilder(uri("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        // this very request's connection is open while the metrics are taken
        assertThat(metric(body, "noroshi_http_connections_open")).isGreaterThanOrEqualTo(1);
        assertThat(metric(body, "noroshi_http_connections_max")).isEqualTo(ConnectionLimits.forThisProcess().maxConnections());
        assertThat(metric(body, "noroshi_http_connections_shedding")).isZero();
        assertThat(body).contains("noroshi_http_connections_limit_reached_total 0.0")
                .contains("noroshi_http_buffer_pool_bytes{memory=\"direct\"}").contains("noroshi_http_buffer_pool_bytes{memory=\"heap\"}");
    }

    private static double metric(String exposition, String name) {
        return exposition.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " missing from /metrics"));
    }

    @Test
    void publishingANewSnapshotChangesWhatReadersGet() throws Exception {
        var local = new SnapshotHolder();
        local.publish(new Snapshot(Instant.EPOCH, "en", Map.of("/", html("before"))));
        try (var other = new HubServer(local, c -> { }).start("127.0.0.1", 0)) {
            var before = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            local.publish(new Snapshot(Instant.EPOCH, "en", Map.of("/", html("after"))));
            var after = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(before.body()).isEqualTo("before");
            assertThat(after.body()).isEqualTo("after");
            assertThat(before.headers().firstValue("ETag")).isNotEqualTo(after.headers().firstValue("ETag"));
        }
    }

    @Test
    void aFileWhoseResourceIsUnchangedKeepsItsPreparedFormAndAChangedOneIsPreparedAgain() {
        var local = new SnapshotHolder();
        Resource home = html("home");
        Resource homeJa = html("home-ja");
        Resource summary = resource("application/json; charset=utf-8", "{\"a\":1}");
        local.publish(new Snapshot(Instant.EPOCH, "en", Map.of("/", home, "/ja/", homeJa, "/api/v2/summary.json", summary)));
        ServedSite first = local.site();
        local.publish(new Snapshot(Instant.EPOCH, "en", Map.of("/", home, "/ja/", homeJa,
                "/api/v2/summary.json", resource("application/json; charset=utf-8", "{\"a\":2}"))));
        ServedSite second = local.site();

        assertThat(second.file("/")).isSameAs(first.file("/"));
        assertThat(second.file("/").negotiatesLanguage()).as("/ has a /ja/ variant").isTrue();
        assertThat(second.file("/api/v2/summary.json")).isNotSameAs(first.file("/api/v2/summary.json"));
        assertThat(second.file("/api/v2/summary.json").etag()).isEqualTo(second.snapshot().resources().get("/api/v2/summary.json").etag());
        assertThat(second.otherLanguages()).containsExactly("ja");

        // The same resource without its Japanese variant no longer negotiates the language: prepared again.
        local.publish(new Snapshot(Instant.EPOCH, "en", Map.of("/", home)));
        assertThat(local.site().file("/")).isNotSameAs(first.file("/"));
        assertThat(local.site().file("/").negotiatesLanguage()).isFalse();
    }

    @Test
    void aChangedLargePageIsServedFromTheHeapUntilItsSiteSettlesThenFromDirectMemory() {
        var local = new SnapshotHolder();
        Resource home = html("a".repeat(40_000));
        Resource homeJa = html("あ".repeat(20_000));
        local.publish(new Snapshot(Instant.EPOCH, "en", Map.of("/", home, "/ja/", homeJa)));
        ServedSite first = local.site();
        assertThat(first.file("/").directBytes()).as("the first site's large pages go straight into direct memory").isPositive();

        Resource changed = html("b".repeat(40_000));
        local.publish(new Snapshot(Instant.EPOCH, "en", Map.of("/", changed, "/ja/", homeJa)));
        ServedSite second = local.site();

        assertThat(second.file("/").directBytes()).as("a page a write changed: on the heap, no direct memory per write").isZero();
        assertThat(second.file("/ja/")).isSameAs(first.file("/ja/"));
        assertThat(second.settleDue(System.nanoTime())).as("not yet current for a second").isFalse();
        assertThat(second.settleDue(System.nanoTime() + ServedSite.SETTLE_NANOS)).isTrue();

        ServedSite settled = second.settle();
        assertThat(second.settle()).as("only the first caller builds the settled site").isNull();
        assertThat(settled.file("/").directBytes()).isPositive();
        assertThat(settled.file("/").body()).isEqualTo(java.nio.ByteBuffer.wrap(changed.body()));
        assertThat(settled.file("/").etag()).isEqualTo(changed.etag());
        assertThat(settled.file("/ja/")).isSameAs(first.file("/ja/"));
        assertThat(settled.settleDue(System.nanoTime() + ServedSite.SETTLE_NANOS)).as("nothing left to move").isFalse();
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private static Resource html(String text) {
        return resource("text/html; charset=utf-8", text);
    }

    private static Resource resource(String type, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return new Resource(type, body, gzip(body), "\"" + Integer.toHexString(text.hashCode()) + "\"", "public, max-age=10");
    }

    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
