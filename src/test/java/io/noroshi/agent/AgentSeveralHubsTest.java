package io.noroshi.agent;

import static io.noroshi.monitor.HubUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.monitor.AgentTokens;
import io.noroshi.monitor.HubUnderTest;
import io.noroshi.monitor.MonitorResult;
import io.noroshi.probe.Checkers;
import io.noroshi.probe.heartbeat.HeartbeatLedger;
import io.noroshi.probe.http.HttpChecker;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent given a primary and a standby hub reports to the primary while the standby is not
 * running, buffers for the standby meanwhile, and hands the standby everything once it starts:
 * the standby's quorum sees the same history, none lost, in order.
 */
class AgentSeveralHubsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aStandbyThatStartsLateReceivesEveryResultTheAgentBufferedForIt() throws Exception {
        try (var target = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!target.isClosed()) {
                    try (var ignored = target.accept()) {
                        // the tcp probe only asks whether the port answers
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            String yaml = """
                    page: {name: Acme}
                    sites: [{id: osaka}]
                    vantage_points:
                      - {id: osaka, site: osaka, token_sha256: %s}
                    monitors:
                      - {id: db, kind: tcp, host: 127.0.0.1, port: %d, interval: 100ms, timeout: 1s, vantage_points: [osaka]}
                    """.formatted(AgentTokens.hashOf("osaka-token"), target.getLocalPort());
            var warnings = new CopyOnWriteArrayList<String>();
            try (var primary = new HubUnderTest(yaml, dir.resolve("primary")); var standby = new HubUnderTest(yaml, dir.resolve("standby"))) {
                standby.stopServer(); // the standby is not running yet
                var clock = Clock.systemUTC();
                var settings = new AgentSettings(URI.create(primary.url()), List.of(URI.create(standby.url())), "osaka-token", "osaka",
                        "osaka", dir.resolve("agent"), Duration.ofSeconds(30), Duration.ofMillis(100));
                try (var agent = new Agent(settings, HttpChecker.defaultClient(),
                        Checkers.standard(clock, HttpChecker.defaultClient(), new HeartbeatLedger(clock)), warnings::add).start()) {
                    assertThat(await(WAIT, () -> stored(primary).size() >= 5)).as("the primary gets results").isTrue();
                    assertThat(await(WAIT, () -> agent.bufferedPerHub().get(1) >= 5)).as("results wait for the standby").isTrue();
                    assertThat(stored(standby)).isEmpty();
                    assertThat(agent.bufferedPerHub().get(0)).as("the standby being down holds the primary back").isLessThan(5);
                    Instant firstOnPrimary = stored(primary).getFirst().result().startedAt();

                    standby.restartServer();
                    assertThat(await(WAIT, () -> agent.bufferedPerHub().get(1) == 0 && stored(standby).size() >= 5))
                            .as("the standby receives the buffered results once it runs").isTrue();
                    List<MonitorResult> onStandby = stored(standby);
                    assertThat(onStandby).hasSize((int) standby.db.results().lastSequence("osaka"));
                    assertThat(onStandby).extracting(r -> r.result().startedAt()).isSorted();
                    assertThat(onStandby.getFirst().result().startedAt()).as("from the start, not only since it runs").isEqualTo(firstOnPrimary);
                    assertThat(warnings).anySatisfy(w -> assertThat(w).contains(standby.url()).contains("reachable again"));
                }
            }
        }
    }

    private static List<MonitorResult> stored(HubUnderTest hub) {
        return hub.db.results().between("db", Instant.EPOCH, Instant.now().plusSeconds(60));
    }
}
