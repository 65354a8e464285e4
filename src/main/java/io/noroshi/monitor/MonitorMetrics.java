package io.noroshi.monitor;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the monitor engine shows on {@code /metrics}: each monitor's state
 * ({@code noroshi_monitor_state}: 0 no data, 1 up, 2 degraded, 3 down), results per vantage point
 * ({@code noroshi_vantage_results_total}), check latency
 * ({@code noroshi_check_latency_seconds}) and scheduler lag ({@code noroshi_scheduler_lag_seconds}:
 * actual start minus planned start of a check).
 */
public final class MonitorMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> states = new ConcurrentHashMap<>();
    private final Map<String, io.micrometer.core.instrument.Counter[]> results = new ConcurrentHashMap<>();
    private final Timer latency;
    private final DistributionSummary lag;

    public MonitorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("noroshi_check_latency").description("Wall time of one check")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.lag = DistributionSummary.builder("noroshi_scheduler_lag").baseUnit("seconds")
                .description("Actual start minus planned start of a scheduled check").publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** Registers the state gauge of {@code monitorId} (no data until a verdict). */
    public void monitor(String monitorId) {
        states.computeIfAbsent(monitorId, id -> {
            var state = new AtomicInteger(0);
            io.micrometer.core.instrument.Gauge.builder("noroshi_monitor_state", state, AtomicInteger::get).tag("monitor", id)
                    .description("Quorum verdict of the monitor: 0 no data, 1 up, 2 degraded, 3 down").register(registry);
            return state;
        });
    }

    /** Counts one result of {@code vantage} with {@code outcome} ({@code noroshi_vantage_results_total{vantage,outcome}}). */
    public void result(String vantage, io.noroshi.probe.CheckOutcome outcome) {
        // one look-up per result without building a key: thousands of checks a minute pass here
        io.micrometer.core.instrument.Counter[] byOutcome = results.computeIfAbsent(vantage,
                v -> new io.micrometer.core.instrument.Counter[io.noroshi.probe.CheckOutcome.values().length]);
        io.micrometer.core.instrument.Counter counter = byOutcome[outcome.ordinal()];
        if (counter == null) {
            counter = io.micrometer.core.instrument.Counter.builder("noroshi_vantage_results")
                    .tag("vantage", vantage).tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Check results of this vantage point the engine judged, by outcome").register(registry);
            byOutcome[outcome.ordinal()] = counter; // a race registers the same meter twice: the registry returns the same one
        }
        counter.increment();
    }

    public void state(String monitorId, Verdict verdict) {
        monitor(monitorId);
        states.get(monitorId).set(switch (verdict) {
            case NO_DATA -> 0;
            case UP -> 1;
            case DEGRADED -> 2;
            case DOWN -> 3;
        });
    }

    public void latency(Duration took) {
        latency.record(took);
    }

    /** @param late how late a check started against its plan; negative values count as zero */
    public void lag(Duration late) {
        lag.record(Math.max(0, late.toNanos()) / 1e9);
    }

    /** The registry, for gauges other parts of the engine register. */
    public MeterRegistry registry() {
        return registry;
    }
}
