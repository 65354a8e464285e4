package io.noroshi.comms;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.admin.IncidentDraft;
import io.noroshi.admin.UpdateDraft;
import io.noroshi.cli.Main;
import io.noroshi.config.Text;
import io.noroshi.hub.Hub;
import io.noroshi.hub.HubOptions;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.notify.Outbox.ChannelCounts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.noroshi.storage.TestPostgres;

/**
 * The report's deliveries per channel come from the outbox's delivery log: real deliveries of one
 * incident's notices to three webhook receivers on loopback (one answers 204, one 410, one keeps
 * answering 503), counted per channel as delivered, failed for good and failed-and-retrying; another
 * incident's deliveries do not count. On SQLite and on PostgreSQL.
 */
class IncidentReportDeliveriesTest {

    @TempDir
    Path dir;

    private HttpServer receiver;
    private Hub hub;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (var answer : Map.of("/ok", 204, "/gone", 410, "/busy", 503).entrySet()) {
            receiver.createContext(answer.getKey(), exchange -> {
                exchange.getRequestBody().readAllBytes();
                calls.incrementAndGet();
                exchange.sendResponseHeaders(answer.getValue(), -1);
                exchange.close();
            });
        }
        receiver.start();
        int port = receiver.getAddress().getPort();
        Path secret = Files.writeString(dir.resolve("secret"), "s");
        String config = """
                page:
                  name: Example
                  time_zone: UTC
                components:
                  - id: mail
                    name: Mail
                communication:
                  lint:
                    require_override: false
                notifications:
                  channels:
                    - {name: ok, kind: webhook, url: "http://127.0.0.1:%1$d/ok", secret_file: "%2$s"}
                    - {name: gone, kind: webhook, url: "http://127.0.0.1:%1$d/gone", secret_file: "%2$s"}
                    - {name: busy, kind: webhook, url: "http://127.0.0.1:%1$d/busy", secret_file: "%2$s"}
                  routes:
                    - channels: [ok, gone, busy]
                      events: [incident]
                """.formatted(port, secret);
        configFile = Files.writeString(dir.resolve("noroshi.yaml"), config);
    }

    private Path configFile;
    private String database;

    /** A hub on SQLite, or on a fresh PostgreSQL database of its own. */
    private void startHub(String engine) {
        String url = null;
        if (engine.equals("postgresql")) {
            TestPostgres.assumeEnabled();
            database = TestPostgres.createDatabase();
            url = TestPostgres.urlOf(database);
        }
        hub = Hub.start(new HubOptions(configFile, false, "127.0.0.1", 0, dir.resolve("data"), url), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
        receiver.stop(0);
        if (database != null) TestPostgres.dropDatabase(database);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void deliveriesPerChannelAreTheOutboxsForThisIncidentsNotices(String engine) throws Exception {
        startHub(engine);
        var operator = hub.admin().accounts().create("ops@example.com", "correct horse battery".toCharArray());
        var actor = Actor.session(operator);
        String id = open(actor, "Mail is delayed");
        hub.admin().incidents().update(actor, id, new UpdateDraft(IncidentStatus.IDENTIFIED, Text.of("Customers cannot send mail. Cause found."),
                List.of(), true));
        String other = open(actor, "Web is slow");

        Map<String, ChannelCounts> counts = Map.of();
        // Bounded wait for the outbox worker: two notices of this incident on three channels, each tried once at least.
        for (int i = 0; i < 300 && !settled(counts); i++) {
            Thread.sleep(100);
            counts = byChannel(id);
        }
        assertThat(counts.get("ok")).extracting(ChannelCounts::sent, ChannelCounts::pending, ChannelCounts::failed, ChannelCounts::dead)
                .containsExactly(2L, 0L, 0L, 0L);
        assertThat(counts.get("gone")).extracting(ChannelCounts::sent, ChannelCounts::dead).containsExactly(0L, 2L);
        assertThat(counts.get("busy")).extracting(ChannelCounts::sent, ChannelCounts::failed, ChannelCounts::dead).containsExactly(0L, 2L, 0L);
        assertThat(calls.get()).isGreaterThanOrEqualTo(6);

        var incident = hub.database().incidents().find(id).orElseThrow();
        assertThat(hub.communication().report().markdown(incident)).contains(
                "| Deliveries | 2 delivered, 2 pending, 2 failed for good |",
                "| ok | 2 | 0 | 0 | 0 |", "| gone | 0 | 0 | 0 | 2 |", "| busy | 0 | 0 | 2 | 0 |").doesNotContain("answered 503");
        for (int i = 0; i < 300 && byChannel(other).getOrDefault("ok", new ChannelCounts("ok", 0, 0, 0, 0, java.util.Optional.empty())).sent() < 1; i++) {
            Thread.sleep(100);
        }
        assertThat(byChannel(other).get("ok").sent()).as("the other incident's one notice").isEqualTo(1);

        // The admin API and `noroshi incident report ID` print the same table.
        String token = hub.admin().access().issueToken(actor, "reader", Scope.READ).secret();
        var out = new StringWriter();
        String[] args = {"incident", "report", id, "--hub", "http://127.0.0.1:" + hub.port(), "--token", token};
        int exit = Main.commandLine(args).setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter())).execute(args);
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("## Deliveries per channel", "| ok | 2 | 0 | 0 | 0 |");
    }

    @Test
    void anIncidentWithoutNotificationsSaysNothingWasDelivered() {
        startHub("sqlite");
        var operator = hub.admin().accounts().create("ops@example.com", "correct horse battery".toCharArray());
        var actor = Actor.session(operator);
        String id = hub.admin().incidents().open(actor, new IncidentDraft(Text.of("Quiet"), Impact.MINOR,
                new UpdateDraft(IncidentStatus.INVESTIGATING, Text.of("Customers cannot log in."), List.of(), false))).id();
        var incident = hub.database().incidents().find(id).orElseThrow();
        assertThat(hub.communication().report().deliveries(incident)).isEmpty();
        assertThat(hub.communication().report().markdown(incident)).contains("| Deliveries | 0 delivered, 0 pending, 0 failed for good |",
                "No notice of this incident went to a channel or a subscriber.");
    }

    private String open(Actor actor, String name) {
        return hub.admin().incidents().open(actor, new IncidentDraft(Text.of(name), Impact.MINOR,
                new UpdateDraft(IncidentStatus.INVESTIGATING, Text.of("Customers cannot send mail."), List.of(), true))).id();
    }

    private Map<String, ChannelCounts> byChannel(String incidentId) {
        var incident = hub.database().incidents().find(incidentId).orElseThrow();
        return hub.communication().report().deliveries(incident).stream().collect(Collectors.toMap(ChannelCounts::channel, c -> c));
    }

    private static boolean settled(Map<String, ChannelCounts> counts) {
        return counts.size() == 3 && counts.get("ok").sent() == 2 && counts.get("gone").dead() == 2 && counts.get("busy").failed() == 2;
    }
}
