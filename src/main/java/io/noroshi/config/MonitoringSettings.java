package io.noroshi.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code monitoring:} section: settings of the monitor engine as a whole.
 *
 * <pre>
 * monitoring:
 *   retention: 7d     # raw check results kept this long, then only hourly aggregates
 *   flap_damping: {changes: 4, window: 30m, hold: 2m}
 * </pre>
 *
 * @param retention   how long raw results are kept before they are folded into hourly aggregates
 * @param flapDamping when a monitor flaps and how long its recovery must hold
 */
public record MonitoringSettings(Duration retention, FlapDamping flapDamping) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    /** The shortest interval a monitor may have: below it checks would be a load test, not monitoring. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    public MonitoringSettings {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(flapDamping, "flapDamping");
    }

    public MonitoringSettings(Duration retention) {
        this(retention, FlapDamping.defaults());
    }

    public static MonitoringSettings defaults() {
        return new MonitoringSettings(DEFAULT_RETENTION);
    }
}
