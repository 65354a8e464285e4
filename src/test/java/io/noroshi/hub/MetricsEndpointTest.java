package io.noroshi.hub;

import static io.noroshi.monitor.HubUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.monitor.AgentTokens;
import io.noroshi.monitor.Verdict;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 9 / part 5 of issue 10: {@code /metrics} needs an API token with scope read on the hub's
 * port, is open on the separate {@code monitoring.metrics_bind} address, passes Debian's
 * {@code promtool check metrics}, and has metrics per agent and per vantage point.
 */
class MetricsEndpointTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @TempDir
    Path dir;
    private AdminHub admin;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Path config = dir.resolve("noroshi.yaml");
        Files.writeString(config, """
                page: {name: Acme}
                sites: [{id: osaka}]
                components: [{id: web, name: Web}]
                vantage_points:
                  - {id: osaka, site: osaka, token_sha256: %s}
                monitors:
                  - {id: www, kind: tcp, host: 127.0.0.1, port: 9, interval: 100ms, timeout: 1s, component: web, vantage_points: [hub]}
                  - {id: db, kind: tcp, host: 127.0.0.1, port: 9, interval: 30s, vantage_points: [osaka]}
                  - {id: backup, kind: heartbeat, period: 1h, secret_sha256: %s}
                monitoring: {metrics_bind: '127.0.0.1:0'}
                """.formatted(AgentTokens.hashOf("osaka-token"), AgentTokens.hashOf("backup-secret")));
        admin = new AdminHub(dir.resolve("data"), config);
    }

    @AfterEach
    void stop() {
        if (admin != null) admin.close();
    }

    private String separate() throws Exception {
        int port = admin.hub.metricsPort().orElseThrow();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void theHubsPortWantsATokenWithScopeReadAndTheSeparateAddressDoesNot() throws Exception {
        assertThat(admin.get("/metrics", null).statusCode()).isEqualTo(401);
        var bodyOf401 = admin.get("/metrics", null).body();
        assertThat(bodyOf401).doesNotContain("www");
        assertThat(admin.get("/metrics", "not-a-token").statusCode()).isEqualTo(401);

        var withToken = admin.get("/metrics", admin.readToken);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("noroshi_monitor_state{monitor=\"www\"}");
        assertThat(separate()).contains("noroshi_monitor_state{monitor=\"www\"}");
    }

    @Test
    void perAgentAndPerVantageMetricsPassPromtool() throws Exception {
        admin.send("GET", "/api/agent/v1/checks", "osaka-token", null);
        var wrong = HttpRequest.newBuilder(URI.create(admin.url("/api/agent/v1/checks"))).header("Authorization", "Bearer guess")
                .header("X-Noroshi-Agent", "osaka").build();
        assertThat(http.send(wrong, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
        assertThat(await(Duration.ofSeconds(20), () -> admin.hub.monitoring().engine().verdict("www") == Verdict.DOWN)).isTrue();

        String scraped = separate();

        assertThat(scraped).contains("noroshi_agent_failed_logins_total{vantage=\"osaka\"} 1.0")
                .containsPattern("noroshi_agent_last_seen_timestamp_seconds\\{vantage=\"osaka\"} 1\\.[0-9]+E9")
                .contains("noroshi_agent_results_received_total{vantage=\"osaka\"}")
                .containsPattern("noroshi_vantage_results_total\\{outcome=\"down\",vantage=\"hub\"} [1-9]");
        assertThat(Files.isExecutable(PROMTOOL)).as("Debian's prometheus package provides " + PROMTOOL).isTrue();
        var process = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        process.getOutputStream().write(scraped.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        var out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).as("promtool's complaints").isEmpty();
        assertThat(process.exitValue()).isZero();
    }
}
