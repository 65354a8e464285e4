package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TeamsChannelTest {

    @Test
    void postsAnAdaptiveCardMessageToTheWorkflowsWebhook() throws Exception {
        try (ServiceStub teams = ServiceStub.start().answerByDefault(new ServiceStub.Answer(202, Map.of(), ""))) {
            KindFixtures.of("teams", teams.baseUrl()).create()
                    .send(Notices.english("Queue at *80%* [see](https://x.example)\nmail_queue"), Optional.empty(), "d-1");

            ServiceStub.Received request = teams.only();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo(KindFixtures.WEBHOOK_SECRET_PATH);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            JsonNode message = request.json();
            assertThat(message.path("type").asText()).isEqualTo("message");
            assertThat(message.path("attachments")).hasSize(1);
            JsonNode attachment = message.path("attachments").get(0);
            assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
            assertThat(attachment.path("contentUrl").isNull()).isTrue();
            JsonNode card = attachment.path("content");
            assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
            assertThat(card.path("version").asText()).isEqualTo("1.4");
            assertThat(card.path("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
            JsonNode body = card.path("body");
            assertThat(body).hasSize(3);
            assertThat(body.get(0).path("type").asText()).isEqualTo("TextBlock");
            assertThat(body.get(0).path("text").asText()).isEqualTo("[Sakura Hosting] Major outage: Mail is delayed");
            assertThat(body.get(0).path("weight").asText()).isEqualTo("Bolder");
            assertThat(body.get(1).path("text").asText()).isEqualTo("Status: Investigating");
            assertThat(body.get(2).path("text").asText()).isEqualTo("Queue at \\*80%\\* [see\\](https://x.example)\n\nmail\\_queue");
            assertThat(body.get(2).path("wrap").asBoolean()).isTrue();
            JsonNode action = card.path("actions").get(0);
            assertThat(action.path("type").asText()).isEqualTo("Action.OpenUrl");
            assertThat(action.path("url").asText()).isEqualTo("https://status.example.jp/incidents/42");
            assertThat(action.path("title").asText()).isEqualTo("View on the status page");
        }
    }

    @Test
    void aMissingWebhookUrlIsAConfigProblemThatNamesTheKey() {
        MapChannelSettings settings = new MapChannelSettings("t", Map.of(), Map.of());
        TeamsChannel.create(settings, KindFixtures.client());
        assertThat(settings.problems()).containsExactly("url: required: give url_env or url_file");
    }

    @Test
    void aWebhookUrlThatIsNotHttpIsRefusedWithoutShowingIt() {
        MapChannelSettings settings = new MapChannelSettings("t", Map.of("url_env", "U"), Map.of("U", "ftp://secret-host/s3cr3t"));
        TeamsChannel.create(settings, KindFixtures.client());
        assertThat(settings.problems()).containsExactly("url: must be an http:// or https:// URL with a host");
    }
}
