package io.noroshi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.noroshi.audit.AuditEvent;
import io.noroshi.audit.AuditRule;
import io.noroshi.audit.Finding;
import io.noroshi.audit.Severity;
import io.noroshi.audit.TrackedFinding;
import io.noroshi.monitor.Verdict;
import io.noroshi.monitor.VerdictChange;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Team alerts through the hub's real monitor and audit buses to a webhook channel on loopback: one per change, reminders while down. */
class TeamAlertsTest {

    @TempDir
    Path data;
    NotifyHub hub;
    HttpServer receiver;
    final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/team", exchange -> {
            received.add(new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Path secret = Files.writeString(data.resolve("secret"), "team-secret");
        hub = new NotifyHub(data.resolve("hub"), """
                channels:
                  - name: team
                    kind: webhook
                    url: http://127.0.0.1:%d/team
                    secret_file: %s
                routes:
                  - name: oncall
                    channels: [team]
                    events: [monitor, finding]
                    reminder: 30m
                """.formatted(receiver.getAddress().getPort(), secret));
    }

    @AfterEach
    void stop() {
        hub.close();
        receiver.stop(0);
    }

    private JsonNode next() throws InterruptedException {
        JsonNode alert = received.poll(30, TimeUnit.SECONDS);
        assertThat(alert).as("an alert arrived").isNotNull();
        return alert;
    }

    private long alertsAbout(String target) {
        return hub.hub.database().read(h -> h.createQuery("SELECT COUNT(*) FROM notify_notices WHERE target = :t").bind("t", target)
                .mapTo(Long.class).one());
    }

    @Test
    void oneAlertPerChangeAndARepeatSaysNothing() throws Exception {
        var bus = hub.hub.monitoring().events();
        Instant t0 = Instant.now();
        bus.publish(new VerdictChange("web-check", Verdict.UP, Verdict.DOWN, t0, List.of("hub: connection refused")));
        JsonNode down = next();
        assertThat(down.path("event").asText()).isEqualTo("alert_monitor");
        assertThat(down.path("title").asText()).isEqualTo("Down: web-check");
        assertThat(down.path("body").asText()).isEqualTo("hub: connection refused");

        bus.publish(new VerdictChange("web-check", Verdict.UP, Verdict.DOWN, t0.plusSeconds(5), List.of())); // the same verdict again
        bus.publish(new VerdictChange("web-check", Verdict.DOWN, Verdict.UP, t0.plusSeconds(60), List.of()));
        assertThat(next().path("title").asText()).isEqualTo("Up again: web-check");
        assertThat(alertsAbout("monitor/web-check")).isEqualTo(2);
    }

    @Test
    void aMonitorStillDownIsRemindedOncePerInterval() throws Exception {
        Instant t0 = Instant.now();
        hub.hub.monitoring().events().publish(new VerdictChange("mail-check", Verdict.UP, Verdict.DOWN, t0, List.of()));
        assertThat(next().path("title").asText()).isEqualTo("Down: mail-check");
        var notifications = hub.hub.notifications();
        var config = io.noroshi.config.NoroshiConfig.class.cast(configOf());
        TeamAlerts later = new TeamAlerts(config, hub.hub.database(), notifications.outbox(), URI.create(hub.url("")),
                InstantSource.fixed(t0.plus(Duration.ofMinutes(31))), notifications.worker()::wake);
        later.remind();
        assertThat(next().path("title").asText()).isEqualTo("Still down: mail-check");
        later.remind(); // the same instant again: reminded already
        TeamAlerts tooSoon = new TeamAlerts(config, hub.hub.database(), notifications.outbox(), URI.create(hub.url("")),
                InstantSource.fixed(t0.plus(Duration.ofMinutes(45))), notifications.worker()::wake);
        tooSoon.remind(); // 14 minutes after the reminder: not yet
        assertThat(alertsAbout("monitor/mail-check")).isEqualTo(2);
    }

    @Test
    void aNewAuditFindingIsAlerted() throws Exception {
        var finding = new TrackedFinding("example.com", new Finding(AuditRule.DNS_NS_COUNT, Severity.ERROR, "only one nameserver",
                List.of("ns1.example.com")), Instant.now(), Instant.now(), Optional.empty());
        hub.hub.notifications().alerts().onAudit(new AuditEvent.NewFinding(finding));
        JsonNode alert = next();
        assertThat(alert.path("event").asText()).isEqualTo("alert_finding");
        assertThat(alert.path("title").asText()).isEqualTo("[ERROR] example.com: only one nameserver");
    }

    private Object configOf() throws Exception {
        return new io.noroshi.config.ConfigLoader().load(data.resolve("hub").resolve("noroshi.yaml"));
    }
}
