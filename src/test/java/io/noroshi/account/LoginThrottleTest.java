package io.noroshi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noroshi.probe.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T09:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresForOneAccountLockItFromAnyAddressUntilTheWindowPasses() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.check("10.0.0." + i, "alice");
            throttle.failed("10.0.0." + i, "alice");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThatThrownBy(() -> throttle.check("10.9.9.9", "alice")).isInstanceOf(TooManyAttempts.class)
                .satisfies(e -> assertThat(((TooManyAttempts) e).retryAfter()).isEqualTo(Duration.ofMinutes(10)));
        throttle.check("10.9.9.9", "bob");
        clock.advance(Duration.ofMinutes(10));
        throttle.check("10.9.9.9", "alice");
    }

    @Test
    void fiveFailuresFromOneAddressLockItForEveryAccount() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) throttle.failed("10.0.0.1", "user" + i);
        assertThatThrownBy(() -> throttle.check("10.0.0.1", "someone-else")).isInstanceOf(TooManyAttempts.class);
        throttle.check("10.0.0.2", "someone-else");
    }

    @Test
    void successClearsTheAccountsFailures() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) throttle.failed("10.0.0." + i, "alice");
        throttle.succeeded("alice");
        throttle.failed("10.0.0.9", "alice");
        throttle.check("10.0.0.8", "alice");
    }

    @Test
    void scopesIncludeTheWeakerOnes() {
        assertThat(Scope.ADMIN.allows(Scope.INCIDENTS)).isTrue();
        assertThat(Scope.INCIDENTS.allows(Scope.READ)).isTrue();
        assertThat(Scope.READ.allows(Scope.INCIDENTS)).isFalse();
        assertThat(Scope.INCIDENTS.allows(Scope.ADMIN)).isFalse();
    }
}
