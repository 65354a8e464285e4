package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelegramChannelTest {

    @Test
    void callsSendMessageWithHtmlEscapedText() throws Exception {
        try (ServiceStub telegram = ServiceStub.start().answerByDefault(ServiceStub.Answer.of(200, "{\"ok\":true,\"result\":{}}"))) {
            KindFixtures.of("telegram", telegram.baseUrl()).create()
                    .send(Notices.english("<b>not bold</b> & \"quoted\""), Optional.empty(), "d-1");

            ServiceStub.Received request = telegram.only();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/bot" + KindFixtures.TOKEN + "/sendMessage");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = request.json();
            assertThat(body.path("chat_id").asText()).isEqualTo("-1001234567890");
            assertThat(body.path("parse_mode").asText()).isEqualTo("HTML");
            assertThat(body.path("text").asText()).isEqualTo("<b>[Sakura Hosting] Major outage: Mail is delayed</b>\n"
                    + "Status: Investigating\n&lt;b&gt;not bold&lt;/b&gt; &amp; &quot;quoted&quot;\n"
                    + "<a href=\"https://status.example.jp/incidents/42\">View on the status page</a>");
        }
    }

    @Test
    void aRecipientOverridesTheConfiguredChat() throws Exception {
        try (ServiceStub telegram = ServiceStub.start()) {
            KindFixtures.of("telegram", telegram.baseUrl()).create().send(Notices.japanese(), Optional.of("@sakura_status"), "d-1");
            assertThat(telegram.only().json().path("chat_id").asText()).isEqualTo("@sakura_status");
        }
    }

    @Test
    void honoursRetryAfterInTheAnswerBody() {
        try (ServiceStub telegram = ServiceStub.start().answerByDefault(ServiceStub.Answer.of(429,
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 35\",\"parameters\":{\"retry_after\":35}}"))) {
            DeliveryException failure = catchThrowableOfType(DeliveryException.class, () ->
                    KindFixtures.of("telegram", telegram.baseUrl()).create().send(Notices.english(), Optional.empty(), "d-1"));
            assertThat(failure.retryable()).isTrue();
            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(35));
            assertThat(failure.getMessage()).isEqualTo("telegram: HTTP 429 Too Many Requests: retry after 35");
        }
    }

    @Test
    void configProblemsNameTheKeys() {
        MapChannelSettings settings = new MapChannelSettings("t", Map.of("bot_token_env", "NOT_SET"), Map.of());
        TelegramChannel.create(settings, KindFixtures.client());
        assertThat(settings.problems()).containsExactlyInAnyOrder("bot_token_env: environment variable NOT_SET is not set",
                "chat_id: required");
    }
}
