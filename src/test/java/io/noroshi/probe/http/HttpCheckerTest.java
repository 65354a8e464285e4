package io.noroshi.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import io.noroshi.probe.FakeClock;
import io.noroshi.probe.ScriptedServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpCheckerTest {

    private final AtomicBoolean failing = new AtomicBoolean(false);
    private final FakeClock clock = FakeClock.atSystemTime();
    private final HttpChecker checker = new HttpChecker(clock, HttpChecker.defaultClient());
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/health", exchange -> {
            if (failing.get()) {
                reply(exchange, 503, "upstream unavailable");
            } else {
                reply(exchange, 200, "status: ok; database: ok");
            }
        });
        server.createContext("/slow", exchange -> {
            sleep(Duration.ofMillis(400));
            reply(exchange, 200, "ok, eventually");
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/health");
            reply(exchange, 302, "");
        });
        server.createContext("/loop", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop");
            reply(exchange, 302, "");
        });
        server.createContext("/echo", exchange ->
                reply(exchange, 200, exchange.getRequestMethod() + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        server.createContext("/huge", exchange -> reply(exchange, 200, "start " + "x".repeat(1 << 20) + " end"));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void endpointThatStartsFailingWith503IsDown() {
        HttpProbe probe = HttpProbe.get(url("/health"));
        assertThat(checker.check(probe).outcome()).isEqualTo(CheckOutcome.UP);

        failing.set(true);
        CheckResult result = checker.check(probe);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).isEqualTo("HTTP 503 (expected 200-399)");
        assertThat(result.startedAt()).isEqualTo(clock.instant());
    }

    @ParameterizedTest(name = "contains={0} excludes={1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "database: ok, -,           UP",
            "database: down, -,         DOWN",
            "-,             maintenance, UP",
            "-,             database,    DOWN",
            "status: ok,    error,       UP",
    })
    void bodyKeywordsDecideTheOutcome(String contains, String excludes, CheckOutcome expected) {
        CheckResult result = checker.check(HttpProbe.get(url("/health")).withBodyRules(contains, excludes));

        assertThat(result.outcome()).as(result.message()).isEqualTo(expected);
    }

    @Test
    void keywordsAreSearchedOnlyInTheFirst64KiB() {
        HttpProbe probe = HttpProbe.get(url("/huge"));

        assertThat(checker.check(probe.withBodyRules("start", null)).outcome()).isEqualTo(CheckOutcome.UP);
        CheckResult result = checker.check(probe.withBodyRules(" end", null));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).isEqualTo("body does not contain \" end\"");
    }

    @Test
    void responseSlowerThanDegradedAfterIsDegraded() {
        CheckResult result = checker.check(HttpProbe.get(url("/slow")).withDegradedAfter(Duration.ofMillis(50)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DEGRADED);
        assertThat(result.message()).contains("slow:").contains("(degraded after 50ms)");
        assertThat(result.latency()).isGreaterThan(Duration.ofMillis(400));
    }

    @Test
    void responseSlowerThanTheTimeoutIsDown() {
        CheckResult result = checker.check(HttpProbe.get(url("/slow")).withTimeout(Duration.ofMillis(100)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).isEqualTo("timed out after 100ms");
    }

    @Test
    void redirectIsFollowedToItsTarget() {
        CheckResult result = checker.check(HttpProbe.get(url("/moved")).withBodyRules("status: ok", null));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.message()).startsWith("HTTP 200");
    }

    @Test
    void redirectIsTheAnswerWhenNotFollowing() {
        HttpProbe probe = HttpProbe.get(url("/moved")).withFollowRedirects(false).withExpectedStatus(List.of(StatusRange.parse("200")));

        CheckResult result = checker.check(probe);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).isEqualTo("HTTP 302 (expected 200)");
    }

    @Test
    void endlessRedirectsAreDown() {
        CheckResult result = checker.check(HttpProbe.get(url("/loop")));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).isEqualTo("more than 5 redirects");
    }

    @ParameterizedTest
    @CsvSource({"GET, GET ", "POST, POST ping", "HEAD, ''"})
    void requestUsesTheProbesMethodAndBody(HttpMethod method, String echoed) {
        HttpProbe probe = HttpProbe.get(url("/echo")).withMethod(method, "ping");
        HttpProbe checked = method == HttpMethod.HEAD ? probe : probe.withBodyRules(echoed, null);

        CheckResult result = checker.check(checked);

        assertThat(result.outcome()).as(result.message()).isEqualTo(CheckOutcome.UP);
    }

    @Test
    void unexpectedStatusCanBeTheExpectedOne() {
        HttpProbe probe = HttpProbe.get(url("/nowhere")).withExpectedStatus(List.of(StatusRange.parse("404")));

        assertThat(checker.check(probe).outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(checker.check(HttpProbe.get(url("/nowhere"))).message()).isEqualTo("HTTP 404 (expected 200-399)");
    }

    @Test
    void closedPortIsDown() throws IOException {
        CheckResult result = checker.check(HttpProbe.get(URI.create("http://127.0.0.1:" + ScriptedServer.closedPort() + "/")));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).isEqualTo("connection refused");
    }

    @Test
    void targetLeavesOutQueryAndUserInfoThatMayHoldTokens() {
        HttpProbe probe = HttpProbe.get(URI.create("https://ops:secret@status.example.com:8443/health?token=abc"));

        assertThat(probe.target()).isEqualTo("https://status.example.com:8443/health");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean empty = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : bytes.length);
        if (!empty) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
