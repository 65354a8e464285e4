package io.noroshi.monitor;

import io.noroshi.config.FlapDamping;
import io.noroshi.config.Monitor;
import io.noroshi.config.VantagePoint;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Folds every check result, from the hub's scheduler and from agents alike, into per-monitor
 * quorum verdicts, and publishes each change on {@link MonitorEvents}. Results from vantage points
 * not assigned to a monitor are ignored. Thread-safe: one lock orders all results, so events leave
 * in the order their results arrived.
 */
public final class MonitorEngine {

    private static final Duration LATE_AFTER_AT_MOST = Duration.ofSeconds(5);

    private final Map<String, Monitor> monitors = new LinkedHashMap<>();
    private final Map<String, MonitorVerdicts> verdicts = new LinkedHashMap<>();
    /**
     * The verdicts as published, readable without the engine's lock: a hand-back asks for them inside
     * a database write, while the engine may hold its lock and wait for that write (a deadlock otherwise).
     */
    private final Map<String, Verdict> published = new java.util.concurrent.ConcurrentHashMap<>();
    private final MonitorEvents events;
    private final MonitorMetrics metrics;
    private final Consumer<MonitorResult> recorder;

    /**
     * @param recorder receives every accepted result of the hub's own checks, for storage
     */
    public MonitorEngine(List<Monitor> monitors, MonitorEvents events, MonitorMetrics metrics, Consumer<MonitorResult> recorder) {
        this(monitors, FlapDamping.defaults(), events, metrics, recorder);
    }

    public MonitorEngine(List<Monitor> monitors, FlapDamping damping, MonitorEvents events, MonitorMetrics metrics,
                         Consumer<MonitorResult> recorder) {
        this.events = events;
        this.metrics = metrics;
        this.recorder = recorder;
        for (Monitor m : monitors) {
            this.monitors.put(m.id(), m);
            var rule = new QuorumRule(m.effectiveQuorum(), m.confirmations(), m.recoveries());
            int agents = (int) m.vantagePoints().stream().filter(v -> !v.equals(VantagePoint.HUB_ID)).count();
            this.verdicts.put(m.id(), new MonitorVerdicts(m.id(), rule, staleAfter(m), damping, agents, lateAfter(m)));
            metrics.monitor(m.id());
        }
    }

    /**
     * How long a vantage point's last result still counts: a few intervals plus the time its
     * retries may take, so one late check does not drop it from the quorum.
     */
    static Duration staleAfter(Monitor m) {
        return m.interval().multipliedBy(3).plus(m.probe().timeout().multipliedBy(m.retries() + 1L));
    }

    /**
     * How far behind a monitor's newest result a result must be to count as late and be folded in
     * its place: one interval, at most 5 s. Within that, arrival order and time order differ by at
     * most one check per vantage point; an agent cut off for longer is always re-folded.
     */
    static Duration lateAfter(Monitor m) {
        return m.interval().compareTo(LATE_AFTER_AT_MOST) < 0 ? m.interval() : LATE_AFTER_AT_MOST;
    }

    /** A result of the hub's own scheduler: recorded, then judged. */
    public void acceptFromHub(MonitorResult result) {
        if (judge(result)) recorder.accept(result);
    }

    /**
     * Judges a result already stored elsewhere (agents' batches are stored before they are judged).
     *
     * @return false when the monitor is unknown or the vantage point is not assigned to it
     */
    public synchronized boolean judge(MonitorResult result) {
        if (!assigned(result)) return false;
        metrics.latency(result.result().latency());
        metrics.result(result.vantage(), result.result().outcome());
        verdicts.get(result.monitorId()).acceptAll(List.of(result)).forEach(this::changed);
        return true;
    }

    /**
     * Judges a batch (an agent's upload), per monitor in the order the results were taken; results
     * for monitors the vantage point is not assigned to are skipped.
     */
    public synchronized void judgeAll(List<MonitorResult> results) {
        var byMonitor = new LinkedHashMap<String, List<MonitorResult>>();
        for (MonitorResult r : results) {
            if (!assigned(r)) continue;
            metrics.latency(r.result().latency());
            metrics.result(r.vantage(), r.result().outcome());
            byMonitor.computeIfAbsent(r.monitorId(), k -> new java.util.ArrayList<>()).add(r);
        }
        byMonitor.forEach((id, list) -> verdicts.get(id).acceptAll(list).forEach(this::changed));
    }

    /** Whether {@code result}'s vantage point runs its monitor. */
    public boolean assigned(MonitorResult result) {
        Monitor monitor = monitors.get(result.monitorId());
        return monitor != null && monitor.vantagePoints().contains(result.vantage());
    }

    /** The fold of one monitor, for the operator's view; empty for an unknown id. */
    public synchronized Optional<MonitorState> state(String monitorId, Instant now) {
        MonitorVerdicts folded = verdicts.get(monitorId);
        if (folded == null) return Optional.empty();
        return Optional.of(new MonitorState(monitorId, folded.verdict(), folded.since(), folded.tallies(), folded.damping(now),
                folded.unjudged(), staleAfter(monitors.get(monitorId))));
    }

    /** Re-judges every monitor at {@code now}: vantage points that fell silent stop counting. */
    public synchronized void sweep(Instant now) {
        for (MonitorVerdicts folded : verdicts.values()) folded.reevaluate(now).ifPresent(this::changed);
    }

    /** The current verdict of {@code monitorId} (no data for an unknown id); never waits for the engine's lock. */
    public Verdict verdict(String monitorId) {
        return published.getOrDefault(monitorId, Verdict.NO_DATA);
    }

    /** The probe of {@code monitorId}, null for an unknown id (a look-up per check, without an Optional). */
    io.noroshi.probe.Probe probeOf(String monitorId) {
        Monitor m = monitors.get(monitorId);
        return m == null ? null : m.probe();
    }

    public Optional<Monitor> monitor(String monitorId) {
        return Optional.ofNullable(monitors.get(monitorId));
    }

    public List<Monitor> monitors() {
        return List.copyOf(monitors.values());
    }

    /** Monitors a vantage point runs. */
    public List<Monitor> assignedTo(String vantage) {
        return monitors.values().stream().filter(m -> m.vantagePoints().contains(vantage)).toList();
    }

    private void changed(VerdictChange change) {
        metrics.state(change.monitorId(), change.to());
        events.publish(change);
        // after the subscribers: whoever reads the new verdict finds the component status already derived from it
        published.put(change.monitorId(), change.to());
    }
}
