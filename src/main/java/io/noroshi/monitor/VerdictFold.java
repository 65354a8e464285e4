package io.noroshi.monitor;

import io.noroshi.config.FlapDamping;
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
 * The quorum verdict of one monitor, folded result by result in the order the results are given
 * (see {@link MonitorVerdicts} for the order). One broken path is not an outage: DOWN needs a
 * quorum of vantage points that each failed {@link QuorumRule#confirmations()} checks in a row, UP
 * again a quorum that each passed {@link QuorumRule#recoveries()}. A vantage point silent for
 * longer than {@code staleAfter} no longer counts. A monitor with {@link FlapDamping#changes()}
 * UP/DOWN changes within {@link FlapDamping#window()} is flapping: it stays DOWN until its recovery
 * has held for {@link FlapDamping#hold()}. Not thread-safe; {@link #copy()} makes a checkpoint.
 */
final class VerdictFold {

    private final String monitorId;
    private final QuorumRule rule;
    private final Duration staleAfter;
    private final FlapDamping damping;
    private final Map<String, VantageTally> tallies = new LinkedHashMap<>();
    /** Times of real UP/DOWN changes (never a change from or to "no data"), oldest first. */
    private final Deque<Instant> flips = new ArrayDeque<>();
    private Verdict verdict = Verdict.NO_DATA;
    private Instant since = Instant.EPOCH;
    /** While a flapping monitor is held DOWN: since when a quorum sees it recovered. */
    private Instant recoveredSince;

    VerdictFold(String monitorId, QuorumRule rule, Duration staleAfter, FlapDamping damping) {
        this.monitorId = monitorId;
        this.rule = rule;
        this.staleAfter = staleAfter;
        this.damping = damping;
    }

    VerdictFold copy() {
        var copy = new VerdictFold(monitorId, rule, staleAfter, damping);
        copy.tallies.putAll(tallies);
        copy.flips.addAll(flips);
        copy.verdict = verdict;
        copy.since = since;
        copy.recoveredSince = recoveredSince;
        return copy;
    }

    Optional<VerdictChange> accept(String vantage, CheckResult result) {
        tallies.merge(vantage, VantageTally.first(vantage, result), (old, ignored) -> old.next(result));
        return reevaluate(result.startedAt());
    }

    Optional<VerdictChange> reevaluate(Instant now) {
        Verdict next = judge(now);
        boolean recovering = verdict == Verdict.DOWN && (next == Verdict.UP || next == Verdict.DEGRADED);
        if (!recovering) recoveredSince = null;
        if (next == verdict) return Optional.empty();
        if (recovering && flapping(now)) {
            if (recoveredSince == null) recoveredSince = now;
            if (now.isBefore(recoveredSince.plus(damping.hold()))) return Optional.empty();
        }
        recoveredSince = null;
        var change = new VerdictChange(monitorId, verdict, next, now, evidence());
        if (isFlip(verdict, next)) flips.addLast(now);
        verdict = next;
        since = now;
        return Optional.of(change);
    }

    Verdict verdict() {
        return verdict;
    }

    Instant since() {
        return since;
    }

    List<String> evidence() {
        return tallies.values().stream().map(VantageTally::evidence).toList();
    }

    List<VantageTally> tallies() {
        return List.copyOf(tallies.values());
    }

    /** The damping state at {@code now}, for operators. */
    DampingState damping(Instant now) {
        int recent = (int) flips.stream().filter(t -> !t.isBefore(now.minus(damping.window()))).count();
        return new DampingState(recent, recent >= damping.changes(), Optional.ofNullable(recoveredSince).map(t -> t.plus(damping.hold())));
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

    private static boolean isFlip(Verdict from, Verdict to) {
        return from != Verdict.NO_DATA && to != Verdict.NO_DATA && (from == Verdict.DOWN) != (to == Verdict.DOWN);
    }

    private boolean flapping(Instant now) {
        while (!flips.isEmpty() && flips.peekFirst().isBefore(now.minus(damping.window()))) flips.removeFirst();
        return flips.size() >= damping.changes();
    }
}
