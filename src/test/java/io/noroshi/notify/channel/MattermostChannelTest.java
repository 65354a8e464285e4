package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MattermostChannelTest {

    @Test
    void postsMarkdownTextToTheIncomingWebhook() throws Exception {
        try (ServiceStub mattermost = ServiceStub.start().answerByDefault(new ServiceStub.Answer(200, Map.of(), "ok"))) {
            KindFixtures.Fixture fixture = KindFixtures.of("mattermost", mattermost.baseUrl());
            Map<String, String> values = new HashMap<>(fixture.values());
            values.put("channel", "town-square");
            values.put("username", "noroshi");
            new KindFixtures.Fixture("mattermost", values, fixture.environment(), Optional.empty(), fixture.secrets())
                    .create().send(Notices.english("@channel mail_queue is *long*"), Optional.empty(), "d-1");

            ServiceStub.Received request = mattermost.only();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo(KindFixtures.WEBHOOK_SECRET_PATH);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = request.json();
            assertThat(body.path("channel").asText()).isEqualTo("town-square");
            assertThat(body.path("username").asText()).isEqualTo("noroshi");
            assertThat(body.path("text").asText()).isEqualTo("**\\[Sakura Hosting\\] Major outage: Mail is delayed**\n"
                    + "Status: Investigating\n@\u200Bchannel mail\\_queue is \\*long\\*\n"
                    + "https://status.example.jp/incidents/42");
        }
    }

    @Test
    void keepsTextWithinFourThousandCharacters() throws Exception {
        try (ServiceStub mattermost = ServiceStub.start()) {
            KindFixtures.of("mattermost", mattermost.baseUrl()).create()
                    .send(Notices.english("slow_mail ".repeat(800)), Optional.empty(), "d-1");
            String text = mattermost.only().json().path("text").asText();
            assertThat(text.length()).isLessThanOrEqualTo(MattermostChannel.TEXT_MAX).isGreaterThan(3_900);
            assertThat(text).endsWith("…\nhttps://status.example.jp/incidents/42");
        }
    }
}
