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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent cut off from its hub keeps checking; its results arrive late, in order, none lost. */
class AgentCutOffTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private ServerSocket target;
    private HubUnderTest hub;
    private Agent agent;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        target = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!target.isClosed()) {
                try (var ignored = target.accept()) {
                    // accept and close: the tcp probe only asks whether the port answers
                } catch (Exception e) {
                    return;
                }
            }
        });
        hub = new HubUnderTest("""
                page: {name: Acme}
                sites: [{id: osaka}]
                vantage_points:
                  - {id: osaka, site: osaka, token_sha256: %s}
                monitors:
                  - {id: db, kind: tcp, host: 127.0.0.1, port: %d, interval: 100ms, timeout: 1s, vantage_points: [osaka]}
                """.formatted(AgentTokens.hashOf("osaka-token"), target.getLocalPort()), dir.resolve("hub"));
    }

    @AfterEach
    void stop() throws Exception {
        if (agent != null) agent.close();
        hub.close();
        target.close();
    }

    private Agent startAgent() {
        var clock = Clock.systemUTC();
        var settings = new AgentSettings(URI.create(hub.url()), "osaka-token", "osaka", "osaka", dir.resolve("agent"),
                Duration.ofSeconds(30), Duration.ofMillis(100));
        return new Agent(settings, HttpChecker.defaultClient(), Checkers.standard(clock, HttpChecker.defaultClient(),
                new HeartbeatLedger(clock)), warnings::add).start();
    }

    private List<MonitorResult> stored() {
        return hub.db.results().between("db", Instant.EPOCH, Instant.now().plusSeconds(60));
    }

    @Test
    void resultsBufferedWhileTheHubIsUnreachableArriveLaterInOrderNoneLost() {
        agent = startAgent();
        assertThat(await(WAIT, () -> stored().size() >= 3)).as("first results uploaded").isTrue();

        hub.stopServer();
        // What had arrived when the hub went away; everything numbered after it was buffered. (A time
        // window would miss a check that started just before the stop and was buffered all the same.)
        long arrivedBeforeCut = hub.db.results().lastSequence("osaka");
        assertThat(await(WAIT, () -> agent.buffered() >= 20)).as("results pile up in the buffer").isTrue();
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("unreachable").contains("buffered"));
        hub.restartServer();

        assertThat(await(WAIT, () -> agent.buffered() == 0)).as("buffer drained").isTrue();
        agent.close();
        agent = null;

        List<MonitorResult> results = stored();
        long sequence = hub.db.results().lastSequence("osaka");
        assertThat(results).hasSize((int) sequence);
        assertThat(results).extracting(r -> r.result().startedAt()).isSorted();
        assertThat(sequence - arrivedBeforeCut).as("results buffered during the cut, all delivered").isGreaterThanOrEqualTo(20);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("reachable again"));
    }

    @Test
    void anAgentStartedWhileTheHubIsDownWarnsInOneLineAndResumesItsSavedAssignment() {
        agent = startAgent();
        assertThat(await(WAIT, () -> stored().size() >= 2)).isTrue();
        agent.close();
        hub.stopServer();

        agent = startAgent();

        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("noroshi agent: hub ").contains("unreachable").doesNotContain("\n"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("last saved assignment"));
        assertThat(await(WAIT, () -> agent.buffered() >= 3)).as("checks keep running from the saved assignment").isTrue();
        long before = hub.db.results().lastSequence("osaka");
        hub.restartServer();
        assertThat(await(WAIT, () -> agent.buffered() == 0 && hub.db.results().lastSequence("osaka") > before)).isTrue();
    }
}
