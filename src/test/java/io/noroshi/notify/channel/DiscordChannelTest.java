package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscordChannelTest {

    @Test
    void postsContentWithNoMentionsToTheWebhook() throws Exception {
        try (ServiceStub discord = ServiceStub.start().answerByDefault(new ServiceStub.Answer(204, Map.of(), ""))) {
            KindFixtures.of("discord", discord.baseUrl()).create()
                    .send(Notices.english("@everyone mail is *slow* _now_"), Optional.empty(), "d-1");

            ServiceStub.Received request = discord.only();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo(KindFixtures.WEBHOOK_SECRET_PATH);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = request.json();
            assertThat(body.path("content").asText()).isEqualTo("""
                    \\[Sakura Hosting\\] Major outage: Mail is delayed
                    Status: Investigating
                    @everyone mail is \\*slow\\* \\_now\\_
                    https://status.example.jp/incidents/42""");
            assertThat(body.path("allowed_mentions").path("parse").isArray()).isTrue();
            assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
            assertThat(body.has("embeds")).isFalse();
        }
    }

    @Test
    void cutsContentToTwoThousandCharactersAndKeepsTheLink() throws Exception {
        try (ServiceStub discord = ServiceStub.start()) {
            KindFixtures.of("discord", discord.baseUrl()).create()
                    .send(Notices.english("delayed ".repeat(600)), Optional.empty(), "d-1");

            String content = discord.only().json().path("content").asText();
            assertThat(content.length()).isLessThanOrEqualTo(DiscordChannel.CONTENT_MAX).isGreaterThan(1_900);
            assertThat(content).endsWith("delayed…\nhttps://status.example.jp/incidents/42");
        }
    }

    @Test
    void sendsAnEmbedWhenAskedTo() throws Exception {
        try (ServiceStub discord = ServiceStub.start()) {
            KindFixtures.Fixture fixture = KindFixtures.of("discord", discord.baseUrl());
            Map<String, String> values = new HashMap<>(fixture.values());
            values.put("embeds", "true");
            values.put("username", "Sakura Status");
            Channel channel = new KindFixtures.Fixture("discord", values, fixture.environment(), Optional.empty(),
                    fixture.secrets()).create();
            channel.send(Notices.english(), Optional.empty(), "d-1");

            JsonNode body = discord.only().json();
            assertThat(body.path("username").asText()).isEqualTo("Sakura Status");
            assertThat(body.path("content").asText()).isEqualTo("\\[Sakura Hosting\\] Major outage: Mail is delayed");
            JsonNode embed = body.path("embeds").get(0);
            assertThat(embed.path("title").asText()).isEqualTo("[Sakura Hosting] Major outage: Mail is delayed");
            assertThat(embed.path("url").asText()).isEqualTo("https://status.example.jp/incidents/42");
            assertThat(embed.path("description").asText()).startsWith("Status: Investigating\nWe are investigating");
            assertThat(embed.path("color").asInt()).isEqualTo(0xF5A623);
            assertThat(embed.path("timestamp").asText()).isEqualTo("2026-12-02T03:04:05Z");
            assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
        }
    }
}
