package io.noroshi.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.noroshi.component.ComponentStatus;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real HTTP server on loopback that starts failing, watched by the hub's own scheduler. */
class HttpMonitorThroughTheHubTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private HttpServer target;
    private final AtomicInteger status = new AtomicInteger(200);
    private HubUnderTest hub;

    @BeforeEach
    void startTarget() throws Exception {
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/health", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
        hub = new HubUnderTest("""
                page: {name: Acme}
                components:
                  - {id: website}
                monitors:
                  - {id: web, kind: http, url: 'http://127.0.0.1:%d/health', interval: 200ms, timeout: 2s, component: website}
                """.formatted(target.getAddress().getPort()), dir);
    }

    @AfterEach
    void stop() {
        hub.close();
        target.stop(0);
    }

    @Test
    void aServerThatStartsFailingIsDeclaredDownAndItsComponentFollows() {
        assertThat(HubUnderTest.await(WAIT, () -> hub.verdict("web") == Verdict.UP)).as("web up").isTrue();
        assertThat(hub.db.componentStates().all().get("website").status()).isEqualTo(ComponentStatus.OPERATIONAL);

        status.set(503);

        assertThat(HubUnderTest.await(WAIT, () -> hub.verdict("web") == Verdict.DOWN)).as("web down").isTrue();
        assertThat(hub.db.componentStates().all().get("website").status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        VerdictChange down = hub.events.changes.getLast();
        assertThat(down.to()).isEqualTo(Verdict.DOWN);
        assertThat(down.evidence()).singleElement().asString().contains("HTTP 503");
        assertThat(hub.refreshes.get()).isGreaterThanOrEqualTo(2);
        assertThat(hub.metrics.scrape()).contains("noroshi_monitor_state{monitor=\"web\"} 3.0")
                .contains("noroshi_scheduler_lag_seconds_count").contains("noroshi_check_latency_seconds_count");
    }

    @Test
    void itRecoversAfterItsRecoveriesAndStoresEveryResult() {
        assertThat(HubUnderTest.await(WAIT, () -> hub.verdict("web") == Verdict.UP)).isTrue();
        status.set(500);
        assertThat(HubUnderTest.await(WAIT, () -> hub.verdict("web") == Verdict.DOWN)).isTrue();

        status.set(200);

        assertThat(HubUnderTest.await(WAIT, () -> hub.verdict("web") == Verdict.UP)).isTrue();
        assertThat(hub.events.verdicts()).containsExactly(Verdict.UP, Verdict.DOWN, Verdict.UP);
        assertThat(HubUnderTest.await(WAIT, () -> hub.db.results().between("web", java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(60))
                .stream().anyMatch(r -> r.result().message().contains("HTTP 500")))).as("results stored").isTrue();
    }
}
