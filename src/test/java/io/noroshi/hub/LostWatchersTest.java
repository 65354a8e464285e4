package io.noroshi.hub;

import static io.noroshi.monitor.HubUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.agent.Agent;
import io.noroshi.agent.AgentSettings;
import io.noroshi.monitor.AgentTokens;
import io.noroshi.monitor.Verdict;
import io.noroshi.probe.Checkers;
import io.noroshi.probe.heartbeat.HeartbeatLedger;
import io.noroshi.probe.http.HttpChecker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 4 of issue 10: with its watchers gone, a component's monitors have no data, and the page
 * says "monitoring unavailable" (grey) in English and Japanese instead of "operational". A real hub,
 * a real agent and a real TCP target on loopback.
 */
class LostWatchersTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private ServerSocket target;
    private AdminHub admin;
    private Agent agent;

    @AfterEach
    void stop() throws Exception {
        if (agent != null) agent.close();
        if (admin != null) admin.close();
        if (target != null) target.close();
    }

    @Test
    void aComponentWhoseMonitorsAllLostTheirWatchersShowsMonitoringUnavailable() throws Exception {
        target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!target.isClosed()) {
                try (var ignored = target.accept()) {
                    // accept and close
                } catch (Exception e) {
                    return;
                }
            }
        });
        Path config = dir.resolve("noroshi.yaml");
        Files.writeString(config, """
                page: {name: Acme, languages: [en, ja]}
                sites: [{id: osaka}]
                components:
                  - {id: db, name: Database}
                vantage_points:
                  - {id: osaka, site: osaka, token_sha256: %s}
                monitors:
                  - {id: db-tcp, kind: tcp, host: 127.0.0.1, port: %d, interval: 100ms, timeout: 1s, component: db, vantage_points: [osaka]}
                """.formatted(AgentTokens.hashOf("osaka-token"), target.getLocalPort()));
        admin = new AdminHub(dir.resolve("data"), config);
        var clock = Clock.systemUTC();
        agent = new Agent(new AgentSettings(URI.create(admin.url("/")), "osaka-token", "osaka", "osaka", dir.resolve("agent"),
                Duration.ofSeconds(30), Duration.ofMillis(100)), HttpChecker.defaultClient(),
                Checkers.standard(clock, HttpChecker.defaultClient(), new HeartbeatLedger(clock)), w -> { }).start();
        assertThat(await(WAIT, () -> admin.hub.monitoring().engine().verdict("db-tcp") == Verdict.UP)).isTrue();
        assertThat(await(WAIT, () -> admin.get("/", null).body().contains("Operational"))).isTrue();
        assertThat(admin.get("/", null).body()).doesNotContain("Monitoring unavailable");

        agent.close();
        agent = null;

        assertThat(await(WAIT, () -> admin.hub.monitoring().engine().verdict("db-tcp") == Verdict.NO_DATA)).isTrue();
        assertThat(await(WAIT, () -> admin.get("/", null).body().contains("Monitoring unavailable"))).isTrue();
        String page = admin.get("/", null).body();
        assertThat(page).contains("s-no-data").doesNotContain("s-operational\"><span class=\"icon\" aria-hidden=\"true\">✓</span> Operational");
        assertThat(admin.get("/ja/", null).body()).contains("監視データなし");
        assertThat(admin.hub.database().componentStates().all().get("db").monitoringUnavailable()).isTrue();
    }
}
