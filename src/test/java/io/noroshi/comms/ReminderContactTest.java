package io.noroshi.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.noroshi.account.Actor;
import io.noroshi.admin.IncidentDraft;
import io.noroshi.admin.UpdateDraft;
import io.noroshi.config.ConfigException;
import io.noroshi.config.ConfigLoader;
import io.noroshi.config.Text;
import io.noroshi.hub.Hub;
import io.noroshi.hub.HubOptions;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.testing.MovableClock;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reminder reaches the person holding the role on their own channel when the roster names one
 * ({@code communication.roster.contacts}), and the team's reminder route otherwise: real deliveries to
 * webhook receivers on loopback.
 */
class ReminderContactTest {

    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(T0);
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private HttpServer receiver;
    private Hub hub;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String path : List.of("/team", "/aiko")) {
            receiver.createContext(path, exchange -> {
                received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
        }
        receiver.start();
        hub = Hub.start(new HubOptions(Files.writeString(dir.resolve("noroshi.yaml"), config(receiver.getAddress().getPort(), "aiko-hook")), false,
                "127.0.0.1", 0, dir.resolve("data"), null), clock);
    }

    private String config(int port, String aikosChannel) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "s");
        return """
                page:
                  name: Example
                components:
                  - id: mail
                    name: Mail
                notifications:
                  channels:
                    - {name: team, kind: webhook, url: "http://127.0.0.1:%1$d/team", secret_file: "%2$s"}
                    - {name: aiko-hook, kind: webhook, url: "http://127.0.0.1:%1$d/aiko", secret_file: "%2$s"}
                  routes:
                    - {channels: [team], events: [reminder]}
                communication:
                  lint: {require_override: false}
                  roster:
                    commander: {people: [aiko, ben], time_zone: Asia/Tokyo, hand_off: "09:00", start: 2026-03-01}
                    comms_lead: {people: [dana], time_zone: UTC}
                    contacts:
                      aiko: %3$s
                """.formatted(port, secret, aikosChannel);
    }

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
        receiver.stop(0);
    }

    @Test
    void theCommanderIsRemindedOnHerOwnChannelAndTheCommsLeadWithoutOneThroughTheTeamRoute() throws Exception {
        var actor = Actor.session(hub.admin().accounts().create("ops@example.com", "correct horse battery".toCharArray()));
        hub.admin().incidents().open(actor, new IncidentDraft(Text.of("Mail delayed"), Impact.MAJOR,
                new UpdateDraft(IncidentStatus.INVESTIGATING, Text.of("Customers cannot send Mail."), List.of(), false,
                        Map.of("next_update_by", "2026-03-01T02:30:00Z"))));
        clock.set(Instant.parse("2026-03-01T02:25:00Z"));
        hub.communication().ticker(() -> { }).tick();
        assertThat(((RecordingMessenger) hub.communication().messenger()).told()).extracting(RecordingMessenger.Told::to)
                .containsExactlyInAnyOrder("aiko", "dana");

        // Bounded wait for the outbox worker to deliver both messages.
        for (int i = 0; i < 300 && (received.getOrDefault("/aiko", List.of()).isEmpty() || received.getOrDefault("/team", List.of()).isEmpty()); i++) {
            Thread.sleep(100);
        }
        assertThat(received.get("/aiko")).singleElement().asString().contains("To aiko:").doesNotContain("To dana");
        assertThat(received.get("/team")).singleElement().asString().contains("To dana:").doesNotContain("To aiko");
    }

    @Test
    void aContactMustNameAChannelAndSomeoneOnTheRoster() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), config(9, "nope").replace("      aiko: nope", "      aiko: nope\n      zed: team"));
        assertThatThrownBy(() -> new ConfigLoader().load(bad)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("contacts.aiko").hasMessageContaining("no channel is named 'nope'")
                .hasMessageContaining("contacts.zed").hasMessageContaining("'zed' is not on the roster");
    }
}
