package io.noroshi.comms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.comms.CommsStore.EstimateKind;
import io.noroshi.hub.Hub;
import io.noroshi.hub.HubOptions;
import io.noroshi.testing.MovableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The next-update promise and the estimate in a real hub on a clock the test moves: reminders to the
 * commander and communications lead 5 minutes before and at the deadline and not after a timely
 * update; estimate warnings 15 and 5 minutes before; a passed estimate shown on the public page and
 * escalated; every estimate given, missed and revised kept.
 */
class PromisesOnAClockTest {

    private static final String CONFIG = """
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
              escalate_after: 3h   # escalation of unacknowledged reminders: EscalationTest
            """;
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z"); // 09:00 JST

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(START);
    private Hub hub;
    private String token;
    private CommsTicker ticker;
    private RecordingMessenger messenger;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        Path config = Files.writeString(dir.resolve("noroshi.yaml"), CONFIG);
        hub = Hub.start(new HubOptions(config, false, "127.0.0.1", 0, dir.resolve("data"), null), clock);
        var operator = hub.admin().accounts().create("ops@example.com", "correct horse battery".toCharArray());
        token = hub.admin().access().issueToken(Actor.session(operator), "responder", Scope.INCIDENTS).secret();
        ticker = hub.communication().ticker(() -> hub.publisher().requestRefresh());
        messenger = (RecordingMessenger) hub.communication().messenger();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private JsonNode post(String path, String body) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + "/api/admin/v1" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return json.readTree(response.body());
    }

    private String publicPage(String path) throws Exception {
        hub.publisher().publishNow();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private void at(String hhmmUtc) {
        clock.set(Instant.parse("2026-03-01T" + hhmmUtc + ":00Z"));
        ticker.tick();
    }

    private String open() throws Exception {
        return post("/incidents", """
                {"name": "Mail delayed", "impact": "major", "status": "investigating",
                 "body": "Customers cannot send or receive Mail. Messages are queued and nothing is lost. There is no workaround yet."}""")
                .get("id").asText();
    }

    @Test
    void remindersComeFiveMinutesBeforeAndAtTheDeadlineButNotAfterATimelyUpdate() throws Exception {
        String id = open();
        // no next_update_by given: 30 minutes for a major incident -> due 00:30 UTC (09:30 JST)
        assertThat(publicPage("/")).contains("Next update by 09:30 JST.");
        assertThat(publicPage("/ja/")).contains("次回の更新は09:30 JSTまでに行います。");
        at("00:24");
        assertThat(messenger.told()).isEmpty();
        at("00:25");
        assertThat(messenger.told()).extracting(RecordingMessenger.Told::to).containsExactly("commander", "comms-lead");
        assertThat(messenger.told().getFirst().notice().body()).contains("due at 09:30 JST");
        at("00:26");
        assertThat(messenger.told()).hasSize(2);
        at("00:30");
        assertThat(messenger.told()).hasSize(4);
        assertThat(messenger.told().get(2).notice().body()).contains("is due now");
        assertThat(publicPage("/")).contains("The next update was due at 09:30 JST and is overdue.");

        // a late update makes a new promise; a timely one after it leaves no reminder at its old deadline
        post("/incidents/" + id + "/updates", "{\"status\": \"identified\", \"next_update_by\": \"2026-03-01T01:00:00Z\","
                + " \"body\": \"Customers still cannot send Mail; we found a full disk and are adding space. Nothing is lost. No workaround yet.\"}");
        assertThat(publicPage("/")).contains("Next update by 10:00 JST.").doesNotContain("overdue");
        at("00:55");
        assertThat(messenger.told()).hasSize(6);
        at("00:58");
        post("/incidents/" + id + "/updates", "{\"status\": \"identified\", \"next_update_by\": \"2026-03-01T01:30:00Z\","
                + " \"body\": \"Space is added and Mail is being delivered again for some customers. Nothing is lost. No workaround yet.\"}");
        at("01:00");
        at("01:05");
        assertThat(messenger.told()).hasSize(6);
        assertThat(hub.communication().store().reminders(id)).extracting(CommsStore.Reminder::kind)
                .containsExactly("next-update-soon", "next-update-due", "next-update-soon");
        assertThat(hub.communication().store().promises(id)).hasSize(3);
    }

    @Test
    void aPassedEstimateIsShownEscalatedAndKept() throws Exception {
        String id = open();
        at("00:10");
        post("/incidents/" + id + "/updates", "{\"status\": \"identified\", \"next_update_by\": \"2026-03-01T03:00:00Z\","
                + " \"estimate_at\": \"2026-03-01T01:00:00Z\", \"estimate_confidence\": \"medium\","
                + " \"body\": \"Customers cannot send Mail; we are restoring the mail store. Nothing is lost. No workaround yet.\"}");
        assertThat(publicPage("/")).contains("Estimated recovery: 10:00 JST (medium confidence).");
        assertThat(publicPage("/ja/")).contains("復旧見込み：10:00 JST（確度：中）");
        at("00:44");
        assertThat(messenger.told()).isEmpty();
        at("00:45");
        assertThat(messenger.told()).extracting(RecordingMessenger.Told::to).containsExactly("commander");
        assertThat(messenger.told().getLast().notice().body()).contains("passes in 15 minutes");
        at("00:55");
        assertThat(messenger.told()).hasSize(2);
        assertThat(messenger.told().getLast().notice().body()).contains("passes in 5 minutes");
        at("01:00");
        assertThat(messenger.told()).hasSize(2); // due, not passed yet: resolving now would meet it
        at("01:01");
        assertThat(messenger.told()).hasSize(4);
        assertThat(messenger.told().subList(2, 4)).extracting(RecordingMessenger.Told::to).containsExactly("commander", "comms-lead");
        assertThat(messenger.told().getLast().notice().body()).startsWith("ESCALATION");
        assertThat(publicPage("/")).contains("Our estimate of recovery by 10:00 JST has passed. A revised estimate is coming.");
        assertThat(publicPage("/ja/")).contains("10:00 JSTの復旧見込みを過ぎました。改めて見込みをお知らせします。");
        at("01:02");
        assertThat(messenger.told()).hasSize(4);

        clock.set(Instant.parse("2026-03-01T01:05:00Z"));
        post("/incidents/" + id + "/updates", "{\"status\": \"identified\", \"next_update_by\": \"2026-03-01T03:00:00Z\","
                + " \"estimate_at\": \"2026-03-01T02:00:00Z\", \"estimate_confidence\": \"high\","
                + " \"body\": \"The restore is slower than we thought: half the mail store is back. Nothing is lost. No workaround yet.\"}");
        assertThat(publicPage("/")).contains("Estimated recovery: 11:00 JST (high confidence).").doesNotContain("has passed");
        assertThat(hub.communication().store().estimates(id)).extracting(CommsStore.EstimateEvent::kind)
                .containsExactly(EstimateKind.GIVEN, EstimateKind.MISSED, EstimateKind.REVISED);
    }

    @Test
    void anExplicitlyUnknownEstimateIsSaidSo() throws Exception {
        String id = open();
        post("/incidents/" + id + "/updates", "{\"status\": \"investigating\", \"estimate_confidence\": \"unknown\","
                + " \"body\": \"Customers cannot send Mail. Nothing is lost. No workaround yet. We cannot give an estimate yet.\"}");
        assertThat(publicPage("/")).contains("There is no estimate of recovery yet.");
        assertThat(hub.communication().store().estimates(id)).extracting(CommsStore.EstimateEvent::kind).containsExactly(EstimateKind.UNKNOWN);
        at("03:00");
        assertThat(messenger.told()).extracting(RecordingMessenger.Told::notice).noneMatch(n -> n.body().contains("estimate"));
    }

    @Test
    void aResolvedIncidentPromisesNothingMore() throws Exception {
        String id = open();
        post("/incidents/" + id + "/resolve", "{\"body\": \"Mail is fully restored for all customers. No messages were lost; delayed ones have been delivered.\"}");
        at("00:30");
        at("01:00");
        assertThat(messenger.told()).isEmpty();
        assertThat(hub.communication().store().promises(id).getLast().nextUpdateBy()).isEmpty();
    }
}
