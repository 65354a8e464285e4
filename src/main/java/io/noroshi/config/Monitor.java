package io.noroshi.config;

import io.noroshi.probe.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing to watch: a probe, how often, from where, and when to call it down. Runtime state
 * (streaks, verdicts) lives in the monitor engine, never here.
 *
 * @param id            unique monitor id; for a heartbeat also the name in its push URL
 * @param probe         what to check (its own {@code timeout} included)
 * @param interval      time between two checks from one vantage point
 * @param retries       quick re-checks before a failed check counts as failed (0: none)
 * @param component     the component whose status and uptime this monitor feeds
 * @param service       the service it watches, for the failure-domain audit
 * @param vantagePoints the vantage point ids that run it, never empty after loading
 * @param quorum        vantage points that must agree; empty means a strict majority of {@code vantagePoints}
 * @param confirmations consecutive failed checks before one vantage point counts as failing
 * @param recoveries    consecutive good checks before one vantage point counts as recovered
 */
public record Monitor(String id, Probe probe, Duration interval, int retries, Optional<String> component,
                      Optional<String> service, List<String> vantagePoints, Optional<Integer> quorum,
                      int confirmations, int recoveries) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final int DEFAULT_CONFIRMATIONS = 2;
    public static final int DEFAULT_RECOVERIES = 2;

    public Monitor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(interval, "interval");
        vantagePoints = List.copyOf(vantagePoints);
    }

    /** The quorum: as configured, else a strict majority of the vantage points. */
    public int effectiveQuorum() {
        return quorum.orElse(vantagePoints.size() / 2 + 1);
    }
}
