package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackChannelTest {

    @Test
    void postsBlockKitJsonToTheIncomingWebhook() throws Exception {
        try (ServiceStub slack = ServiceStub.start().answerByDefault(new ServiceStub.Answer(200, Map.of(), "ok"))) {
            KindFixtures.of("slack", slack.baseUrl()).create().send(Notices.english(), Optional.empty(), "d-1");

            ServiceStub.Received request = slack.only();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo(KindFixtures.WEBHOOK_SECRET_PATH);
            assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
            JsonNode body = request.json();
            assertThat(body.path("text").asText()).isEqualTo("[Sakura Hosting] Major outage: Mail is delayed");
            JsonNode blocks = body.path("blocks");
            assertThat(blocks).hasSize(3);
            assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
            assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("plain_text");
            assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("[Sakura Hosting] Major outage: Mail is delayed");
            assertThat(blocks.get(1).path("type").asText()).isEqualTo("section");
            assertThat(blocks.get(1).path("text").path("type").asText()).isEqualTo("mrkdwn");
            assertThat(blocks.get(1).path("text").path("text").asText())
                    .isEqualTo("Status: Investigating\nWe are investigating delays in outgoing mail. Messages are queued, not lost.");
            JsonNode button = blocks.get(2).path("elements").get(0);
            assertThat(blocks.get(2).path("type").asText()).isEqualTo("actions");
            assertThat(button.path("type").asText()).isEqualTo("button");
            assertThat(button.path("url").asText()).isEqualTo("https://status.example.jp/incidents/42");
            assertThat(button.path("text").path("text").asText()).isEqualTo("View on the status page");
        }
    }

    @Test
    void escapesMrkdwnControlCharactersAndKeepsSectionsWithinSlackLimits() throws Exception {
        String body = "<!channel> a & b <https://evil.example|click> " + "word ".repeat(1_000);
        try (ServiceStub slack = ServiceStub.start()) {
            KindFixtures.of("slack", slack.baseUrl()).create().send(Notices.english(body), Optional.empty(), "d-1");

            String section = slack.only().json().path("blocks").get(1).path("text").path("text").asText();
            assertThat(section).startsWith("Status: Investigating\n&lt;!channel&gt; a &amp; b &lt;https://evil.example|click&gt; word");
            assertThat(section).doesNotContain("<").endsWith("word…");
            assertThat(section.length()).isLessThanOrEqualTo(SlackChannel.SECTION_MAX);
        }
    }

    @Test
    void speaksJapaneseToJapaneseReaders() throws Exception {
        try (ServiceStub slack = ServiceStub.start()) {
            KindFixtures.of("slack", slack.baseUrl()).create().send(Notices.japanese(), Optional.empty(), "d-1");

            JsonNode blocks = slack.only().json().path("blocks");
            assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("[さくらホスティング] 【障害】メールの配送遅延");
            assertThat(blocks.get(1).path("text").path("text").asText()).startsWith("状況: 調査中\n送信メール");
            assertThat(blocks.get(2).path("elements").get(0).path("text").path("text").asText()).isEqualTo("ステータスページで見る");
        }
    }
}
