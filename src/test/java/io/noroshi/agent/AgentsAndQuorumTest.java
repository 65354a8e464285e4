package io.noroshi.agent;

import static io.noroshi.monitor.HubUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.noroshi.component.ComponentStatus;
import io.noroshi.monitor.AgentTokens;
import io.noroshi.monitor.HubUnderTest;
import io.noroshi.monitor.MonitorResult;
import io.noroshi.monitor.Verdict;
import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.Checkers;
import io.noroshi.probe.heartbeat.HeartbeatLedger;
import io.noroshi.probe.http.HttpChecker;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three vantage points on loopback: the hub and two real agents. The office agent's path to the
 * target is broken (its HTTP goes through a proxy port nobody listens on).
 */
class AgentsAndQuorumTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private HttpServer target;
    private final AtomicInteger status = new AtomicInteger(200);
    private HubUnderTest hub;
    private final List<Agent> agents = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/", exchange -> {
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        target.start();
        hub = new HubUnderTest("""
                page: {name: Acme}
                sites: [{id: tokyo}, {id: osaka}, {id: office}]
                components: [{id: website}]
                vantage_points:
                  - {id: osaka, site: osaka, token_sha256: %s}
                  - {id: office, site: office, token_sha256: %s}
                monitors:
                  - {id: web, kind: http, url: 'http://127.0.0.1:%d/', interval: 300ms, timeout: 2s, component: website}
                """.formatted(AgentTokens.hashOf("osaka-token"), AgentTokens.hashOf("office-token"), target.getAddress().getPort()),
                dir.resolve("hub"));
    }

    @AfterEach
    void stop() {
        agents.forEach(Agent::close);
        hub.close();
        target.stop(0);
    }

    private Agent agent(String name, String token, HttpClient http) {
        var clock = Clock.systemUTC();
        var settings = new AgentSettings(URI.create(hub.url()), token, name, name, dir.resolve(name), Duration.ofSeconds(5), Duration.ofMillis(100));
        var agent = new Agent(settings, HttpChecker.defaultClient(), Checkers.standard(clock, http, new HeartbeatLedger(clock)), warnings::add).start();
        agents.add(agent);
        return agent;
    }

    private static HttpClient brokenPath() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        return HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", closed)))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private List<MonitorResult> stored(String vantage) {
        return hub.db.results().between("web", Instant.EPOCH, Instant.now().plusSeconds(60)).stream()
                .filter(r -> r.vantage().equals(vantage)).toList();
    }

    @Test
    void oneBrokenPathIsNoOutageButTwoFailingVantagePointsAre() throws Exception {
        agent("osaka", "osaka-token", HttpChecker.defaultClient());
        agent("office", "office-token", brokenPath());

        assertThat(await(WAIT, () -> hub.verdict("web") == Verdict.UP)).as("up with one broken path").isTrue();
        assertThat(await(WAIT, () -> stored("office").size() >= 5)).as("office results arrive").isTrue();
        assertThat(stored("office")).allMatch(r -> r.result().outcome() == CheckOutcome.DOWN);
        assertThat(hub.events.verdicts()).doesNotContain(Verdict.DOWN);

        status.set(503);

        assertThat(await(WAIT, () -> hub.verdict("web") == Verdict.DOWN)).as("down when hub and osaka fail").isTrue();
        assertThat(hub.db.componentStates().all().get("website").status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(hub.events.changes.getLast().evidence()).hasSize(3);
    }

    @Test
    void aTokenOfAnotherAgentIsRefused() {
        agent("osaka", "office-token", HttpChecker.defaultClient());

        assertThat(await(WAIT, () -> warnings.stream().anyMatch(w -> w.contains("HTTP 401")))).isTrue();
        assertThat(stored("osaka")).isEmpty();
    }
}
