package io.noroshi.monitor;

import io.noroshi.probe.Probe;
import java.time.Duration;
import java.util.Objects;

/**
 * What a scheduler runs: one monitor's probe, how often, with how many quick re-checks.
 *
 * @param interval time between the planned starts of two checks
 * @param retries  immediate re-checks after a DOWN before the DOWN counts
 */
public record ScheduledCheck(String monitorId, Probe probe, Duration interval, int retries) {
    public ScheduledCheck {
        Objects.requireNonNull(monitorId, "monitorId");
        Objects.requireNonNull(probe, "probe");
        if (interval.isZero() || interval.isNegative()) throw new IllegalArgumentException("interval must be positive");
        if (retries < 0) throw new IllegalArgumentException("retries must not be negative");
    }

    /** Share of the interval first runs are spread over; the rest is slack, so the first round ends within one interval. */
    static final double SPREAD = 0.9;

    /**
     * Where in its interval this monitor's first check falls: a stable spread by the monitor's id
     * over the first {@link #SPREAD} of the interval, so a restart neither bursts all checks at once
     * nor moves them around.
     */
    public Duration firstRunOffset() {
        long window = Math.max(1, (long) (interval.toMillis() * SPREAD));
        return Duration.ofMillis(Math.floorMod(mix(monitorId.hashCode()), window));
    }

    private static long mix(int hash) {
        long h = hash * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
