package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.testing.MovableClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Communication's reminders and the mirrors' alerts reach the team: through the notification routes listening to
 * {@code reminder} and {@code mirror}, to a real webhook receiver on loopback, not only into a recorder.
 */
class TeamChannelsTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z"); // 09:00 JST

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(START);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private Hub hub;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/team", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Files.writeString(dir.resolve("hook.secret"), "team-hook-secret-0123456789");
        Path config = Files.writeString(dir.resolve("noroshi.yaml"), """
                page:
                  name: Example
                  time_zone: Asia/Tokyo
                  languages: [en, ja]
                components:
                  - id: mail
                    name: {en: Mail, ja: メール}
                communication:
                  lint:
                    require_override: false
                  next_update:
                    major: 30m
                notifications:
                  channels:
                    - name: team-hook
                      kind: webhook
                      url: http://127.0.0.1:%d/team
                      secret_file: %s
                  routes:
                    - name: on-call
                      channels: [team-hook]
                      events: [reminder, mirror]
                """.formatted(receiver.getAddress().getPort(), dir.resolve("hook.secret")));
        hub = Hub.start(new HubOptions(config, false, "127.0.0.1", 0, dir.resolve("data"), null), clock);
    }

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
        receiver.stop(0);
    }

    @Test
    void aReminderThatAnUpdateIsDueReachesTheRoutesChannel() throws Exception {
        var operator = hub.admin().accounts().create("ops@example.com", "correct horse battery".toCharArray());
        String token = hub.admin().access().issueToken(Actor.session(operator), "responder", Scope.INCIDENTS).secret();
        var opened = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + "/api/admin/v1/incidents"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "Mail delayed", "impact": "major", "status": "investigating",
                         "body": "Customers cannot send or receive Mail. Messages are queued and nothing is lost. There is no workaround yet."}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        var ticker = hub.communication().ticker(() -> hub.publisher().requestRefresh());

        clock.set(Instant.parse("2026-03-01T00:25:00Z")); // five minutes before the next update is due
        ticker.tick();

        awaitReceived(2);
        assertThat(received).anyMatch(body -> body.contains("To commander")).anyMatch(body -> body.contains("To comms-lead"));
    }

    @Test
    void aMirrorFallingBehindAndCatchingUpReachesTheRoutesChannel() throws Exception {
        var team = new TeamChannels();
        team.connect(hub.notifications().alerts());

        team.fallingBehind("mirror-b", Duration.ofMinutes(12), "connection refused");
        team.caughtUp("mirror-b");

        awaitReceived(2);
        assertThat(received).anyMatch(body -> body.contains("Mirror mirror-b is falling behind") && body.contains("connection refused"))
                .anyMatch(body -> body.contains("Mirror mirror-b has caught up"));
    }

    /** The outbox delivers on its own threads: waits, bounded, for that many requests at the receiver. */
    private void awaitReceived(int count) throws InterruptedException {
        for (int i = 0; i < 300 && received.size() < count; i++) Thread.sleep(50);
        assertThat(received).as("requests at the team's webhook").hasSizeGreaterThanOrEqualTo(count);
    }
}
