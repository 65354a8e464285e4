package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MastodonChannelTest {

    @Test
    void postsAStatusWithTheDeliveryKeyAsIdempotencyKey() throws Exception {
        try (ServiceStub mastodon = ServiceStub.start()) {
            Channel channel = KindFixtures.of("mastodon", mastodon.baseUrl()).create();
            channel.send(Notices.english(), Optional.empty(), "delivery-7f3a");
            channel.send(Notices.english(), Optional.empty(), "delivery-7f3a");

            assertThat(mastodon.received()).hasSize(2);
            for (ServiceStub.Received request : mastodon.received()) {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo("/api/v1/statuses");
                assertThat(request.header("Authorization")).isEqualTo("Bearer " + KindFixtures.TOKEN);
                assertThat(request.header("Idempotency-Key")).isEqualTo("delivery-7f3a");
                assertThat(request.header("Content-Type")).isEqualTo("application/json");
                JsonNode body = request.json();
                assertThat(body.path("status").asText()).isEqualTo("""
                        [Sakura Hosting] Major outage: Mail is delayed

                        Status: Investigating
                        We are investigating delays in outgoing mail. Messages are queued, not lost.

                        https://status.example.jp/incidents/42""");
                assertThat(body.path("visibility").asText()).isEqualTo("public");
                assertThat(body.path("language").asText()).isEqualTo("en");
            }
        }
    }

    @Test
    void fitsFiveHundredCharactersCountingTheLinkAsTwentyThree() throws Exception {
        try (ServiceStub mastodon = ServiceStub.start()) {
            KindFixtures.Fixture fixture = KindFixtures.of("mastodon", mastodon.baseUrl());
            Map<String, String> values = new HashMap<>(fixture.values());
            values.put("visibility", "unlisted");
            new KindFixtures.Fixture("mastodon", values, fixture.environment(), Optional.empty(), fixture.secrets())
                    .create().send(Notices.japanese(), Optional.empty(), "d-1");

            JsonNode body = mastodon.only().json();
            assertThat(body.path("visibility").asText()).isEqualTo("unlisted");
            assertThat(body.path("language").asText()).isEqualTo("ja");

            String longBody = "Mail is delayed. ".repeat(60);
            mastodon.answerByDefault(ServiceStub.Answer.of(200, "{}"));
            fixture.create().send(Notices.english(longBody), Optional.empty(), "d-2");
            String status = mastodon.received().get(1).json().path("status").asText();
            String link = "https://status.example.jp/incidents/42";
            assertThat(status).endsWith("…\n\n" + link);
            int counted = status.length() - link.length() + MastodonChannel.URL_WEIGHT;
            assertThat(counted).isLessThanOrEqualTo(500).isGreaterThan(470);
        }
    }

    @Test
    void anUnknownVisibilityOrAMissingInstanceIsAConfigProblem() {
        MapChannelSettings settings = new MapChannelSettings("m", Map.of("visibility", "everyone"), Map.of());
        MastodonChannel.create(settings, KindFixtures.client());
        assertThat(settings.problems()).containsExactlyInAnyOrder("base_url: required",
                "access_token: required: give access_token_env or access_token_file",
                "visibility: must be one of public, unlisted, private, direct");
    }
}
