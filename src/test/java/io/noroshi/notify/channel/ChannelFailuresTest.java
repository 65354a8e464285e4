package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind against a loopback service that fails: how the failure reaches the outbox (retryable or not, after how
 * long) and that the message shown to operators never carries a secret or a phone number.
 */
class ChannelFailuresTest {

    static List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        ChannelKinds.names().forEach(kinds::add);
        kinds.removeAll(List.of("email", "webhook"));
        return kinds;
    }

    static Stream<Arguments> kindsAndAnswers() {
        List<Arguments> rows = new ArrayList<>();
        for (String kind : kinds()) {
            rows.add(Arguments.of(kind, 429, Optional.of("7"), true, Optional.of(Duration.ofSeconds(7))));
            rows.add(Arguments.of(kind, 429, Optional.empty(), true, Optional.empty()));
            rows.add(Arguments.of(kind, 503, Optional.of("120"), true, Optional.of(Duration.ofSeconds(120))));
            rows.add(Arguments.of(kind, 500, Optional.empty(), true, Optional.empty()));
            rows.add(Arguments.of(kind, 408, Optional.empty(), true, Optional.empty()));
            rows.add(Arguments.of(kind, 400, Optional.empty(), false, Optional.empty()));
            rows.add(Arguments.of(kind, 401, Optional.empty(), false, Optional.empty()));
            rows.add(Arguments.of(kind, 404, Optional.empty(), false, Optional.empty()));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} answered {1} (Retry-After {2}) -> retryable {3}")
    @MethodSource("kindsAndAnswers")
    void aFailedAnswerIsRetryableOrPermanentAsTheStatusSays(String kind, int status, Optional<String> retryAfter,
                                                            boolean retryable, Optional<Duration> after) {
        try (ServiceStub service = ServiceStub.start()) {
            KindFixtures.Fixture fixture = KindFixtures.of(kind, service.baseUrl());
            // the answer repeats every secret, as a careless service might: none may reach the message
            String echo = "{\"error\":\"bad request " + String.join(" ", fixture.secrets()) + "\",\"message\":\""
                    + String.join(" ", fixture.secrets()) + "\",\"code\":21211}";
            ServiceStub.Answer answer = ServiceStub.Answer.of(status, echo);
            if (retryAfter.isPresent()) answer = answer.with("Retry-After", retryAfter.get());
            service.answerByDefault(answer);
            Channel channel = fixture.create();

            DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                    () -> channel.send(Notices.english(), fixture.recipient(), "delivery-1"));

            assertThat(failure).as("%s answered %d", kind, status).isNotNull();
            assertThat(failure.retryable()).isEqualTo(retryable);
            assertThat(failure.retryAfter()).isEqualTo(after);
            assertThat(failure.getMessage()).startsWith(kind + ": HTTP " + status);
            for (String secret : fixture.secrets()) assertThat(failure.getMessage()).doesNotContain(secret);
            assertThat(channel.toString()).contains(kind);
            for (String secret : fixture.secrets()) assertThat(channel.toString()).doesNotContain(secret);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aServiceThatIsGoneIsRetriedLater(String kind) {
        ServiceStub service = ServiceStub.start();
        KindFixtures.Fixture fixture = KindFixtures.of(kind, service.baseUrl());
        Channel channel = fixture.create();
        service.stop();

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> channel.send(Notices.english(), fixture.recipient(), "delivery-1"));

        assertThat(failure).isNotNull();
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEmpty();
        assertThat(failure.getMessage()).startsWith(kind + ": connection failed");
        for (String secret : fixture.secrets()) assertThat(failure.getMessage()).doesNotContain(secret);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anHttpDateRetryAfterBecomesADuration(String kind) {
        try (ServiceStub service = ServiceStub.start()) {
            KindFixtures.Fixture fixture = KindFixtures.of(kind, service.baseUrl());
            service.answerByDefault(ServiceStub.Answer.of(429, "{}").with("Retry-After", "Fri, 01 Jan 2100 00:00:00 GMT"));
            Channel channel = fixture.create();

            DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                    () -> channel.send(Notices.english(), fixture.recipient(), "delivery-1"));

            assertThat(failure.retryable()).isTrue();
            assertThat(failure.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofDays(365)));
        }
    }

    /** A success body every kind accepts: Bluesky reads a session from it, the others ignore what they do not need. */
    static final String ANY_SUCCESS = "{\"ok\":true,\"accessJwt\":\"jwt-1\",\"did\":\"did:plc:abc\","
            + "\"uri\":\"at://did:plc:abc/app.bsky.feed.post/3k\",\"cid\":\"bafy\",\"sid\":\"SM1\",\"event_id\":\"$e\"}";

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aRetryAfterA500SendsTheSameRequestAgainAndSucceeds(String kind) throws Exception {
        try (ServiceStub service = ServiceStub.start()) {
            KindFixtures.Fixture fixture = KindFixtures.of(kind, service.baseUrl());
            service.answerByDefault(ServiceStub.Answer.of(200, ANY_SUCCESS));
            // Bluesky logs in first; the 500 is for its post
            if (kind.equals("bluesky")) service.answer(ServiceStub.Answer.of(200, ANY_SUCCESS));
            service.answer(ServiceStub.Answer.of(500, "{\"error\":\"internal\"}"));
            Channel channel = fixture.create();

            DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                    () -> channel.send(Notices.japanese(), fixture.recipient(), "delivery-77"));
            assertThat(failure.retryable()).isTrue();
            channel.send(Notices.japanese(), fixture.recipient(), "delivery-77");

            List<ServiceStub.Received> received = service.received();
            ServiceStub.Received first = received.get(received.size() - 2);
            ServiceStub.Received retry = received.getLast();
            assertThat(retry.method()).isEqualTo(first.method());
            assertThat(retry.path()).isEqualTo(first.path());
            assertThat(retry.query()).isEqualTo(first.query());
            assertThat(retry.body()).isEqualTo(first.body());
            for (String key : List.of("Authorization", "Idempotency-Key", "X-Line-Retry-Key", "Content-Type")) {
                assertThat(retry.header(key)).as(key).isEqualTo(first.header(key));
            }
        }
    }

    /** The kinds whose service takes an idempotency key, and where the delivery key shows in the request. */
    static Stream<Arguments> exactlyOnceKinds() {
        return Stream.of(
                Arguments.of("mastodon", (java.util.function.Function<ServiceStub.Received, String>) r -> r.header("Idempotency-Key"), "delivery-77"),
                Arguments.of("line", (java.util.function.Function<ServiceStub.Received, String>) r -> r.header("X-Line-Retry-Key"),
                        LineChannel.retryKey("delivery-77").toString()),
                Arguments.of("matrix", (java.util.function.Function<ServiceStub.Received, String>) r -> r.path().substring(r.path().lastIndexOf('/') + 1),
                        "delivery-77"),
                Arguments.of("googlechat", (java.util.function.Function<ServiceStub.Received, String>) r -> r.query().replaceAll(".*requestId=([^&]*).*", "$1"),
                        "delivery-77"),
                Arguments.of("bluesky", (java.util.function.Function<ServiceStub.Received, String>) r -> r.json().path("rkey").asText(),
                        BlueskyChannel.recordKey(Notices.japanese(), "delivery-77")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactlyOnceKinds")
    void aRepeatedDeliveryCarriesTheSameIdempotencyKeyAndAnotherDeliveryAnother(String kind,
            java.util.function.Function<ServiceStub.Received, String> key, String expected) throws Exception {
        try (ServiceStub service = ServiceStub.start()) {
            KindFixtures.Fixture fixture = KindFixtures.of(kind, service.baseUrl());
            service.answerByDefault(ServiceStub.Answer.of(200, ANY_SUCCESS));
            Channel channel = fixture.create();
            channel.send(Notices.japanese(), fixture.recipient(), "delivery-77");
            channel.send(Notices.japanese(), fixture.recipient(), "delivery-77"); // the answer was lost: the outbox sends it again
            channel.send(Notices.japanese(), fixture.recipient(), "delivery-78");

            List<ServiceStub.Received> posts = service.received().stream().filter(r -> !r.path().contains("createSession")).toList();
            assertThat(posts).hasSize(3);
            assertThat(key.apply(posts.get(0))).isEqualTo(expected);
            assertThat(key.apply(posts.get(1))).isEqualTo(expected);
            assertThat(key.apply(posts.get(2))).isNotEqualTo(expected).isNotEmpty();
        }
    }
}
