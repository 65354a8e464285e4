package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceCallTest {

    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertThat(ServiceCall.retryAfter("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(ServiceCall.retryAfter(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(ServiceCall.retryAfter("1.2", NOW)).contains(Duration.ofSeconds(2));
        assertThat(ServiceCall.retryAfter("Wed, 02 Dec 2026 03:01:30 GMT", NOW)).contains(Duration.ofSeconds(90));
        assertThat(ServiceCall.retryAfter("Wed, 02 Dec 2026 02:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(ServiceCall.retryAfter("-5", NOW)).isEmpty();
        assertThat(ServiceCall.retryAfter("soon", NOW)).isEmpty();
    }

    @Test
    void scrubTakesOutSecretsAndPhoneNumbers() {
        ServiceCall call = new ServiceCall("sms", List.of("tok", "https://hooks.example/T1/tok"), answer -> Optional.empty());
        assertThat(call.scrub("bad https://hooks.example/T1/tok and tok for +81 90-1234-5678\n"))
                .isEqualTo("bad *** and *** for #");
        assertThat(call.scrub("x".repeat(300))).hasSize(201);
    }
}
