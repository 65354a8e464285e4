package io.noroshi.probe;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * One check in progress: remembers when it started (from the injected clock, for the record)
 * and measures how long it took (from {@link System#nanoTime()}, which cannot jump), then turns
 * a verdict into a {@link CheckResult}. Every checker starts one and finishes with it, so all
 * results are timed the same way.
 */
public final class ProbeRun {

    private final Instant startedAt;
    private final long startNanos;

    private ProbeRun(Instant startedAt, long startNanos) {
        this.startedAt = startedAt;
        this.startNanos = startNanos;
    }

    /** Starts timing a check now. */
    public static ProbeRun start(InstantSource clock) {
        return new ProbeRun(clock.instant(), System.nanoTime());
    }

    /** When the check began, per the injected clock. */
    public Instant startedAt() {
        return startedAt;
    }

    /** Wall time since the check began. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    public CheckResult finish(CheckOutcome outcome, String message) {
        return new CheckResult(outcome, startedAt, elapsed(), message);
    }

    public CheckResult up(String message) {
        return finish(CheckOutcome.UP, message);
    }

    public CheckResult degraded(String message) {
        return finish(CheckOutcome.DEGRADED, message);
    }

    public CheckResult down(String message) {
        return finish(CheckOutcome.DOWN, message);
    }

    /** A DOWN result saying in a few words why {@code failure} happened; see {@link FailureReason}. */
    public CheckResult failed(Throwable failure, Duration timeout) {
        return down(FailureReason.describe(failure, timeout));
    }
}
