package io.noroshi.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The result of one check from one vantage point.
 *
 * @param outcome  what the check concluded
 * @param startedAt when the check began (from the injected clock)
 * @param latency  wall time the check took
 * @param message  a short reason a person can act on ("HTTP 503", "SOA serial 2024010102 behind 2024010103"); never a secret
 */
public record CheckResult(CheckOutcome outcome, Instant startedAt, Duration latency, String message) {
    public CheckResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(latency, "latency");
        message = message == null ? "" : message;
    }

    public boolean isUp() {
        return outcome == CheckOutcome.UP;
    }
}
