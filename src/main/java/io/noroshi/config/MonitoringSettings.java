package io.noroshi.config;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Objects;

/**
 * The {@code monitoring:} section: settings of the monitor engine as a whole.
 *
 * <pre>
 * monitoring:
 *   retention: 7d     # raw check results kept this long, then only hourly aggregates
 *   flap_damping: {changes: 4, window: 30m, hold: 2m}
 *   metrics_bind: 127.0.0.1:9464   # optional: /metrics without a token on this address only
 * </pre>
 *
 * @param retention   how long raw results are kept before they are folded into hourly aggregates
 * @param flapDamping when a monitor flaps and how long its recovery must hold
 * @param metricsBind a separate address {@code /metrics} is served on without a token (on the hub's
 *                    port it needs an API token with scope read)
 */
public record MonitoringSettings(Duration retention, FlapDamping flapDamping, Optional<InetSocketAddress> metricsBind) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    /** The shortest interval a monitor may have: below it checks would be a load test, not monitoring. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    public MonitoringSettings {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(flapDamping, "flapDamping");
        Objects.requireNonNull(metricsBind, "metricsBind");
    }

    public MonitoringSettings(Duration retention) {
        this(retention, FlapDamping.defaults(), Optional.empty());
    }

    public static MonitoringSettings defaults() {
        return new MonitoringSettings(DEFAULT_RETENTION);
    }
}
