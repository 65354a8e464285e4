package io.noroshi.monitor;

import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict of one monitor, folded from the results of all its vantage points. One broken path
 * is not an outage: the monitor is DOWN only when a quorum of vantage points each failed
 * {@link QuorumRule#confirmations()} checks in a row, and UP again only when a quorum each passed
 * {@link QuorumRule#recoveries()} in a row. A vantage point silent for longer than
 * {@code staleAfter} no longer counts either way. A monitor that changes its mind more than
 * {@link #FLAP_LIMIT} times within {@link #FLAP_WINDOW} is flapping: it stays DOWN until it has been
 * steadily recovered for a whole window, so customers are not told "fixed" and "broken" by turns.
 * Not thread-safe: one engine thread feeds it.
 */
public final class MonitorVerdicts {

    static final int FLAP_LIMIT = 4;
    static final Duration FLAP_WINDOW = Duration.ofMinutes(30);

    private final String monitorId;
    private final QuorumRule rule;
    private final Duration staleAfter;
    private final Map<String, VantageTally> tallies = new LinkedHashMap<>();
    private final Deque<Instant> changes = new ArrayDeque<>();
    private Verdict verdict = Verdict.NO_DATA;
    private Instant since = Instant.EPOCH;

    public MonitorVerdicts(String monitorId, QuorumRule rule, Duration staleAfter) {
        this.monitorId = monitorId;
        this.rule = rule;
        this.staleAfter = staleAfter;
    }

    /** Folds one result in; returns the change it caused, if any. */
    public Optional<VerdictChange> accept(String vantage, CheckResult result) {
        tallies.merge(vantage, VantageTally.first(vantage, result), (old, ignored) -> old.next(result));
        return reevaluate(result.startedAt());
    }

    /** Re-judges at {@code now} without a new result: vantage points may have gone silent. */
    public Optional<VerdictChange> reevaluate(Instant now) {
        Verdict next = judge(now);
        if (next == verdict) return Optional.empty();
        if (verdict == Verdict.DOWN && next != Verdict.DOWN && flapping(now)) {
            return Optional.empty();
        }
        var change = new VerdictChange(monitorId, verdict, next, now, evidence());
        verdict = next;
        since = now;
        changes.addLast(now);
        return Optional.of(change);
    }

    public Verdict verdict() {
        return verdict;
    }

    public Instant since() {
        return since;
    }

    public List<String> evidence() {
        return tallies.values().stream().map(VantageTally::evidence).toList();
    }

    private Verdict judge(Instant now) {
        int fresh = 0;
        int failing = 0;
        int recovered = 0;
        int degraded = 0;
        for (VantageTally tally : tallies.values()) {
            if (!tally.fresh(now, staleAfter)) continue;
            fresh++;
            if (tally.failing(rule)) failing++;
            if (tally.recovered(rule)) recovered++;
            if (tally.last() == CheckOutcome.DEGRADED) degraded++;
        }
        if (fresh < rule.quorum()) return Verdict.NO_DATA;
        if (failing >= rule.quorum()) return Verdict.DOWN;
        // Leaving DOWN (or the unknown start) needs a quorum of settled good streaks, not one lucky check.
        if ((verdict == Verdict.DOWN || verdict == Verdict.NO_DATA) && recovered < rule.quorum()) return verdict;
        if (degraded >= rule.quorum()) return Verdict.DEGRADED;
        return Verdict.UP;
    }

    private boolean flapping(Instant now) {
        while (!changes.isEmpty() && changes.peekFirst().isBefore(now.minus(FLAP_WINDOW))) changes.removeFirst();
        return changes.size() >= FLAP_LIMIT;
    }
}
