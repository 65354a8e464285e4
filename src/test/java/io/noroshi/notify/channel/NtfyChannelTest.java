package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noroshi.notify.Notice;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NtfyChannelTest {

    @Test
    void publishesJsonToTheServerRootWithTitlePriorityAndClick() throws Exception {
        try (ServiceStub ntfy = ServiceStub.start()) {
            KindFixtures.of("ntfy", ntfy.baseUrl()).create().send(Notices.japanese(), Optional.empty(), "d-1");

            ServiceStub.Received request = ntfy.only();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + KindFixtures.TOKEN);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = request.json();
            assertThat(body.path("topic").asText()).isEqualTo("sakura-status");
            assertThat(body.path("title").asText()).isEqualTo("[さくらホスティング] 【障害】メールの配送遅延");
            assertThat(body.path("message").asText()).isEqualTo(
                    "状況: 調査中\n送信メールの配送に遅延が発生しています。メールは失われていません。\nhttps://status.example.jp/incidents/42");
            assertThat(body.path("priority").asInt()).isEqualTo(4);
            assertThat(body.path("click").asText()).isEqualTo("https://status.example.jp/incidents/42");
            assertThat(body.path("tags").get(0).asText()).isEqualTo("rotating_light");
        }
    }

    @Test
    void withoutATokenSendsNoAuthorizationAndKeepsTheMessageWithin4096Bytes() throws Exception {
        try (ServiceStub ntfy = ServiceStub.start()) {
            MapChannelSettings settings = new MapChannelSettings("n", Map.of("base_url", ntfy.baseUrl(), "topic", "t",
                    "priority", "2"), Map.of());
            Channel channel = NtfyChannel.create(settings, KindFixtures.client());
            assertThat(settings.problems()).isEmpty();
            channel.send(Notices.english("遅延".repeat(2_000)), Optional.empty(), "d-1");

            ServiceStub.Received request = ntfy.only();
            assertThat(request.header("Authorization")).isNull();
            String message = request.json().path("message").asText();
            assertThat(TextFit.utf8(message)).isLessThanOrEqualTo(4_096).isGreaterThan(4_000);
            assertThat(message).endsWith("…\nhttps://status.example.jp/incidents/42");
            assertThat(request.json().path("priority").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aResolvedIncidentIsNotUrgent() {
        Notice major = Notices.english();
        Notice resolved = new Notice(Notice.Event.INCIDENT_RESOLVED, "en", major.pageName(), "Resolved: Mail is delayed",
                Optional.of("Resolved"), "major", "All mail delivered.", major.link(), major.at(), Optional.empty());
        assertThat(NtfyChannel.priorityFor(major)).isEqualTo(4);
        assertThat(NtfyChannel.priorityFor(resolved)).isEqualTo(3);
        assertThat(NtfyChannel.tagFor(resolved)).isEqualTo("white_check_mark");
    }

    @Test
    void aPriorityOutOfRangeIsAConfigProblem() {
        MapChannelSettings settings = new MapChannelSettings("n", Map.of("topic", "t", "priority", "9"), Map.of());
        NtfyChannel.create(settings, KindFixtures.client());
        assertThat(settings.problems()).containsExactly("priority: must be between 1 and 5");
    }
}
