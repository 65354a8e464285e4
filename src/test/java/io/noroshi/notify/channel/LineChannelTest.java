package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LineChannelTest {

    @Test
    void pushesATextMessageWithTheDeliveryKeyAsRetryKey() throws Exception {
        try (ServiceStub line = ServiceStub.start()) {
            KindFixtures.of("line", line.baseUrl()).create().send(Notices.japanese(), Optional.empty(), "delivery-31");

            ServiceStub.Received request = line.only();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v2/bot/message/push");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + KindFixtures.TOKEN);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            String retryKey = request.header("X-Line-Retry-Key");
            assertThat(UUID.fromString(retryKey).toString()).isEqualTo(retryKey);
            assertThat(retryKey).isEqualTo(LineChannel.retryKey("delivery-31").toString());
            JsonNode body = request.json();
            assertThat(body.path("to").asText()).isEqualTo("U0123456789abcdef0123456789abcdef");
            assertThat(body.path("messages")).hasSize(1);
            assertThat(body.path("messages").get(0).path("type").asText()).isEqualTo("text");
            assertThat(body.path("messages").get(0).path("text").asText()).isEqualTo("""
                    [さくらホスティング] 【障害】メールの配送遅延
                    状況: 調査中
                    送信メールの配送に遅延が発生しています。メールは失われていません。
                    https://status.example.jp/incidents/42""");
        }
    }

    @Test
    void aRetryOfAnAcceptedPushIsDoneNotFailed() throws Exception {
        try (ServiceStub line = ServiceStub.start().answer(ServiceStub.Answer.of(500, "{\"message\":\"An error occurred\"}"),
                ServiceStub.Answer.of(409, "{\"message\":\"The retry key is already accepted\"}")
                        .with("x-line-accepted-request-id", "abc"))) {
            Channel channel = KindFixtures.of("line", line.baseUrl()).create();
            try {
                channel.send(Notices.english(), Optional.empty(), "delivery-32");
            } catch (DeliveryException retryable) {
                assertThat(retryable.retryable()).isTrue();
            }
            channel.send(Notices.english(), Optional.empty(), "delivery-32");

            assertThat(line.received()).hasSize(2);
            assertThat(line.received().get(0).header("X-Line-Retry-Key")).isEqualTo(line.received().get(1).header("X-Line-Retry-Key"));
        }
    }

    @Test
    void aDeliveryKeyThatIsAUuidIsUsedAsIs() {
        String key = "123e4567-e89b-12d3-a456-426614174000";
        assertThat(LineChannel.retryKey(key).toString()).isEqualTo(key);
        assertThat(LineChannel.retryKey("x")).isEqualTo(LineChannel.retryKey("x")).isNotEqualTo(LineChannel.retryKey("y"));
    }

    @Test
    void aRecipientOverridesTheConfiguredTarget() throws Exception {
        try (ServiceStub line = ServiceStub.start()) {
            KindFixtures.of("line", line.baseUrl()).create().send(Notices.english(), Optional.of("Cgroup0001"), "d");
            assertThat(line.only().json().path("to").asText()).isEqualTo("Cgroup0001");
        }
    }

    @Test
    void configProblemsNameTheKeys() {
        MapChannelSettings settings = new MapChannelSettings("l", Map.of("base_url", "api.line.me"), Map.of());
        LineChannel.create(settings, KindFixtures.client());
        assertThat(settings.problems()).containsExactlyInAnyOrder(
                "base_url: must be an http:// or https:// URL with a host, not 'api.line.me'",
                "channel_access_token: required: give channel_access_token_env or channel_access_token_file", "to: required");
    }
}
