package io.noroshi.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code monitoring:} section: settings of the monitor engine as a whole.
 *
 * <pre>
 * monitoring:
 *   retention: 7d     # raw check results kept this long, then only hourly aggregates
 * </pre>
 *
 * @param retention how long raw results are kept before they are folded into hourly aggregates
 */
public record MonitoringSettings(Duration retention) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    public MonitoringSettings {
        Objects.requireNonNull(retention, "retention");
    }

    public static MonitoringSettings defaults() {
        return new MonitoringSettings(DEFAULT_RETENTION);
    }
}
