package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlueskyChannelTest {

    private static final String SESSION = "{\"accessJwt\":\"jwt-1\",\"refreshJwt\":\"r-1\",\"did\":\"did:plc:abc123\","
            + "\"handle\":\"status.sakura.example\"}";
    private static final String CREATED = "{\"uri\":\"at://did:plc:abc123/app.bsky.feed.post/3k\",\"cid\":\"bafy\"}";
    private static final String LINK = "https://status.example.jp/incidents/42";

    @Test
    void createsASessionThenAPostWithALinkFacet() throws Exception {
        try (ServiceStub pds = ServiceStub.start().answer(ServiceStub.Answer.of(200, SESSION))
                .answerByDefault(ServiceStub.Answer.of(200, CREATED))) {
            Channel channel = KindFixtures.of("bluesky", pds.baseUrl()).create();
            channel.send(Notices.japanese(), Optional.empty(), "d-1");
            channel.send(Notices.english(), Optional.empty(), "d-2");

            assertThat(pds.received()).hasSize(3);
            ServiceStub.Received login = pds.received().get(0);
            assertThat(login.method()).isEqualTo("POST");
            assertThat(login.path()).isEqualTo("/xrpc/com.atproto.server.createSession");
            assertThat(login.header("Content-Type")).isEqualTo("application/json");
            assertThat(login.json().path("identifier").asText()).isEqualTo("status.sakura.example");
            assertThat(login.json().path("password").asText()).isEqualTo(KindFixtures.PASSWORD);

            ServiceStub.Received create = pds.received().get(1);
            assertThat(create.method()).isEqualTo("POST");
            assertThat(create.path()).isEqualTo("/xrpc/com.atproto.repo.putRecord");
            assertThat(create.header("Authorization")).isEqualTo("Bearer jwt-1");
            assertThat(create.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = create.json();
            assertThat(body.path("repo").asText()).isEqualTo("did:plc:abc123");
            assertThat(body.path("collection").asText()).isEqualTo("app.bsky.feed.post");
            // A TID of the notice's time (2026-12-02T03:04:05Z), its clock id from the delivery key.
            String rkey = body.path("rkey").asText();
            assertThat(rkey).matches("[234567a-j][234567a-z]{12}");
            assertThat(BlueskyChannel.recordKey(Notices.japanese(), "d-1")).isEqualTo(rkey);
            long tid = 0;
            for (char c : rkey.toCharArray()) tid = tid << 5 | "234567abcdefghijklmnopqrstuvwxyz".indexOf(c);
            assertThat(java.time.Instant.EPOCH.plus(tid >>> 10, java.time.temporal.ChronoUnit.MICROS)).isEqualTo("2026-12-02T03:04:05Z");
            assertThat(pds.received().get(2).json().path("rkey").asText()).as("another delivery, another record").isNotEqualTo(rkey);
            JsonNode post = body.path("record");
            assertThat(post.path("$type").asText()).isEqualTo("app.bsky.feed.post");
            assertThat(post.path("createdAt").asText()).isEqualTo("2026-12-02T03:04:05Z");
            assertThat(post.path("langs").get(0).asText()).isEqualTo("ja");
            String text = post.path("text").asText();
            assertThat(text).startsWith("[さくらホスティング] 【障害】メールの配送遅延\n状況: 調査中\n").endsWith("\n" + LINK);
            JsonNode facet = post.path("facets").get(0);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            int start = facet.path("index").path("byteStart").asInt();
            int end = facet.path("index").path("byteEnd").asInt();
            assertThat(new String(utf8, start, end - start, StandardCharsets.UTF_8)).isEqualTo(LINK);
            assertThat(end).isEqualTo(utf8.length);
            assertThat(facet.path("features").get(0).path("$type").asText()).isEqualTo("app.bsky.richtext.facet#link");
            assertThat(facet.path("features").get(0).path("uri").asText()).isEqualTo(LINK);

            assertThat(pds.received().get(2).path()).as("the session is kept").isEqualTo("/xrpc/com.atproto.repo.putRecord");
        }
    }

    @Test
    void anExpiredSessionIsMadeAgainOnce() throws Exception {
        try (ServiceStub pds = ServiceStub.start().answer(ServiceStub.Answer.of(200, SESSION), ServiceStub.Answer.of(200, CREATED),
                ServiceStub.Answer.of(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}"),
                ServiceStub.Answer.of(200, SESSION.replace("jwt-1", "jwt-2")), ServiceStub.Answer.of(200, CREATED))) {
            Channel channel = KindFixtures.of("bluesky", pds.baseUrl()).create();
            channel.send(Notices.english(), Optional.empty(), "d-1");
            channel.send(Notices.english(), Optional.empty(), "d-2");

            assertThat(pds.received()).extracting(ServiceStub.Received::path).containsExactly(
                    "/xrpc/com.atproto.server.createSession", "/xrpc/com.atproto.repo.putRecord",
                    "/xrpc/com.atproto.repo.putRecord", "/xrpc/com.atproto.server.createSession",
                    "/xrpc/com.atproto.repo.putRecord");
            assertThat(pds.received().get(4).header("Authorization")).isEqualTo("Bearer jwt-2");
        }
    }

    @Test
    void aPostRefusedEvenWithAFreshSessionFailsForGoodAndAnInvalidPostNamesTheError() {
        try (ServiceStub pds = ServiceStub.start().answer(ServiceStub.Answer.of(200, SESSION), ServiceStub.Answer.of(401, "{}"),
                ServiceStub.Answer.of(200, SESSION), ServiceStub.Answer.of(401, "{}"),
                ServiceStub.Answer.of(400, "{\"error\":\"InvalidRequest\",\"message\":\"Record/text too long\"}"))) {
            Channel channel = KindFixtures.of("bluesky", pds.baseUrl()).create();
            DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                    () -> channel.send(Notices.english(), Optional.empty(), "d-1"));
            assertThat(refused.retryable()).isFalse();
            assertThat(refused.getMessage()).isEqualTo("bluesky: the post was refused even with a fresh session (check the account)");
            assertThat(pds.received()).hasSize(4);

            DeliveryException invalid = catchThrowableOfType(DeliveryException.class,
                    () -> channel.send(Notices.english(), Optional.empty(), "d-2"));
            assertThat(invalid.retryable()).isFalse();
            assertThat(invalid.getMessage()).isEqualTo("bluesky: HTTP 400 InvalidRequest: Record/text too long");
            assertThat(pds.received()).hasSize(5);
        }
    }

    @Test
    void aRateLimitedPostIsRetryableAfterTheServicesDelay() {
        try (ServiceStub pds = ServiceStub.start().answer(ServiceStub.Answer.of(200, SESSION),
                ServiceStub.Answer.of(429, "{\"error\":\"RateLimitExceeded\"}").with("Retry-After", "60"))) {
            DeliveryException failure = catchThrowableOfType(DeliveryException.class, () ->
                    KindFixtures.of("bluesky", pds.baseUrl()).create().send(Notices.english(), Optional.empty(), "d-1"));
            assertThat(failure.retryable()).isTrue();
            assertThat(failure.retryAfter()).contains(java.time.Duration.ofSeconds(60));
            assertThat(failure.getMessage()).isEqualTo("bluesky: HTTP 429 RateLimitExceeded");
        }
    }

    @Test
    void aLongUpdateFitsThreeHundredGraphemes() throws Exception {
        try (ServiceStub pds = ServiceStub.start().answer(ServiceStub.Answer.of(200, SESSION))) {
            KindFixtures.of("bluesky", pds.baseUrl()).create()
                    .send(Notices.english("Mail 👩‍👩‍👧‍👦 delayed 🇯🇵 ".repeat(40)), Optional.empty(), "d-1");
            String text = pds.received().get(1).json().path("record").path("text").asText();
            assertThat(TextFit.graphemes(text)).isLessThanOrEqualTo(300).isGreaterThan(280);
            assertThat(text).endsWith("…\n" + LINK).doesNotContain("\uFFFD");
        }
    }

    @Test
    void configProblemsNameTheKeys() {
        MapChannelSettings settings = new MapChannelSettings("b", Map.of("app_password", "inline"), Map.of());
        BlueskyChannel.create(settings, KindFixtures.client());
        assertThat(settings.problems()).containsExactlyInAnyOrder("handle: required",
                "app_password: a secret is never written in the config: use app_password_env or app_password_file");
    }
}
