package io.noroshi.agent;

import static io.noroshi.monitor.HubUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.monitor.AgentTokens;
import io.noroshi.monitor.HubUnderTest;
import io.noroshi.monitor.Verdict;
import io.noroshi.monitor.VerdictChange;
import io.noroshi.probe.Checkers;
import io.noroshi.probe.heartbeat.HeartbeatLedger;
import io.noroshi.probe.http.HttpChecker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 2 of issue 10 with real agents and a real target on loopback: both agents are cut off from
 * the hub while the target fails; when they reconnect, their buffered failures reach a DOWN verdict
 * at the time they were taken, and the monitor ends UP again.
 */
class AgentsCatchingUpTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private ServerSocket target;
    private int port;
    private HubUnderTest hub;
    private Agent osaka;
    private Agent office;

    @AfterEach
    void stop() throws Exception {
        if (osaka != null) osaka.close();
        if (office != null) office.close();
        if (hub != null) hub.close();
        if (target != null) target.close();
    }

    private void openTarget() throws Exception {
        target = port == 0 ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        port = target.getLocalPort();
        ServerSocket serving = target;
        Thread.ofVirtual().start(() -> {
            while (!serving.isClosed()) {
                try (var ignored = serving.accept()) {
                    // accept and close
                } catch (Exception e) {
                    return;
                }
            }
        });
    }

    private Agent agent(String name) {
        var clock = Clock.systemUTC();
        return new Agent(new AgentSettings(URI.create(hub.url()), name + "-token", name, name, dir.resolve(name),
                Duration.ofSeconds(30), Duration.ofMillis(100)), HttpChecker.defaultClient(),
                Checkers.standard(clock, HttpChecker.defaultClient(), new HeartbeatLedger(clock)), w -> { }).start();
    }

    @Test
    void failuresBothAgentsBufferedWhileCutOffReachADownVerdictWhenTheyArrive() throws Exception {
        openTarget();
        hub = new HubUnderTest("""
                page: {name: Acme}
                sites: [{id: osaka}, {id: office}]
                vantage_points:
                  - {id: osaka, site: osaka, token_sha256: %s}
                  - {id: office, site: office, token_sha256: %s}
                monitors:
                  - {id: db, kind: tcp, host: 127.0.0.1, port: %d, interval: 200ms, timeout: 1s, vantage_points: [osaka, office], quorum: 2}
                """.formatted(AgentTokens.hashOf("osaka-token"), AgentTokens.hashOf("office-token"), port), dir.resolve("hub"));
        osaka = agent("osaka");
        office = agent("office");
        assertThat(await(WAIT, () -> hub.verdict("db") == Verdict.UP)).isTrue();

        hub.stopServer();
        Instant cut = Instant.now();
        target.close();
        assertThat(await(WAIT, () -> osaka.buffered() >= 6 && office.buffered() >= 6)).as("both buffer failures").isTrue();
        openTarget();
        assertThat(await(WAIT, () -> osaka.buffered() >= 12 && office.buffered() >= 12)).as("and good checks after").isTrue();
        Instant reconnect = Instant.now();
        hub.restartServer();

        assertThat(await(WAIT, () -> osaka.buffered() == 0 && office.buffered() == 0)).as("buffers drained").isTrue();
        assertThat(await(WAIT, () -> hub.events.changes.stream().anyMatch(c -> c.to() == Verdict.DOWN))).as("a DOWN verdict").isTrue();
        VerdictChange down = hub.events.changes.stream().filter(c -> c.to() == Verdict.DOWN).findFirst().orElseThrow();
        assertThat(down.at()).as("at the time the failures were taken").isAfter(cut).isBefore(reconnect);
        assertThat(await(WAIT, () -> hub.verdict("db") == Verdict.UP)).isTrue();
    }
}
