package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatrixChannelTest {

    @Test
    void putsAnMTextEventWithTheDeliveryKeyAsTransactionId() throws Exception {
        try (ServiceStub homeserver = ServiceStub.start().answerByDefault(ServiceStub.Answer.of(200, "{\"event_id\":\"$e\"}"))) {
            Channel channel = KindFixtures.of("matrix", homeserver.baseUrl()).create();
            channel.send(Notices.english("Queue <b>grows</b> & waits"), Optional.empty(), "delivery 5/7");
            channel.send(Notices.english("Queue <b>grows</b> & waits"), Optional.empty(), "delivery 5/7");

            assertThat(homeserver.received()).hasSize(2);
            for (ServiceStub.Received request : homeserver.received()) {
                assertThat(request.method()).isEqualTo("PUT");
                assertThat(request.path())
                        .isEqualTo("/_matrix/client/v3/rooms/%21status%3Amatrix.example/send/m.room.message/delivery%205%2F7");
                assertThat(request.header("Authorization")).isEqualTo("Bearer " + KindFixtures.TOKEN);
                assertThat(request.header("Content-Type")).isEqualTo("application/json");
                JsonNode body = request.json();
                assertThat(body.path("msgtype").asText()).isEqualTo("m.text");
                assertThat(body.path("body").asText()).isEqualTo("[Sakura Hosting] Major outage: Mail is delayed\n"
                        + "Status: Investigating\nQueue <b>grows</b> & waits\nhttps://status.example.jp/incidents/42");
                assertThat(body.path("format").asText()).isEqualTo("org.matrix.custom.html");
                assertThat(body.path("formatted_body").asText()).isEqualTo(
                        "<strong>[Sakura Hosting] Major outage: Mail is delayed</strong><br>"
                                + "Status: Investigating<br>Queue &lt;b&gt;grows&lt;/b&gt; &amp; waits<br>"
                                + "<a href=\"https://status.example.jp/incidents/42\">View on the status page</a>");
            }
        }
    }

    @Test
    void honoursRetryAfterMsOfARateLimit() {
        try (ServiceStub homeserver = ServiceStub.start().answerByDefault(ServiceStub.Answer.of(429,
                "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"Too many requests\",\"retry_after_ms\":2500}"))) {
            DeliveryException failure = catchThrowableOfType(DeliveryException.class, () ->
                    KindFixtures.of("matrix", homeserver.baseUrl()).create().send(Notices.english(), Optional.empty(), "d"));
            assertThat(failure.retryable()).isTrue();
            assertThat(failure.retryAfter()).contains(Duration.ofMillis(2500));
            assertThat(failure.getMessage()).isEqualTo("matrix: HTTP 429 Too many requests");
        }
    }

    @Test
    void aRoomAliasIsAConfigProblem() {
        MapChannelSettings settings = new MapChannelSettings("m", Map.of("room_id", "#status:matrix.org",
                "base_url", "https://matrix.example"), Map.of());
        MatrixChannel.create(settings, KindFixtures.client());
        assertThat(settings.problems()).containsExactlyInAnyOrder(
                "access_token: required: give access_token_env or access_token_file",
                "room_id: must be a room id such as !abc123:matrix.org (not an alias like #room:server)");
    }
}
