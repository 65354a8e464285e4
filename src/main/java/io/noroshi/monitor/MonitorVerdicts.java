package io.noroshi.monitor;

import io.noroshi.config.FlapDamping;
import io.noroshi.probe.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The verdict of one monitor, folded from the results of all its vantage points (see
 * {@link VerdictFold} for the rules) in the order the results were <em>taken</em>, not the order
 * they arrived. An agent cut off from the hub uploads its buffer late; folded as they arrive,
 * its old failures would meet the other vantage points' newer results and never make a quorum.
 * So the recent results of monitors that agents run are kept: a result older than
 * {@code lateAfter} behind the newest one is inserted where it belongs and the verdict is folded
 * again from a checkpoint. What changed in the verdict's history is returned as corrections: one
 * change at the first moment the history differs (from what subscribers were last told), then
 * the new history's changes. Not thread-safe: one engine thread feeds it.
 */
public final class MonitorVerdicts {

    /** Results kept per vantage point for re-folding; older late results are stored but not judged. */
    static final int KEPT_PER_VANTAGE = 64;

    /** One folded input: a result ({@code vantage} set) or a re-judgment that changed the verdict. */
    private record Entry(String vantage, CheckResult result, Instant at) {
    }

    private final String monitorId;
    private final Duration lateAfter;
    private final int kept;
    private VerdictFold current;
    /** The fold before the oldest kept entry; null when nothing is kept (no agent runs this monitor). */
    private VerdictFold checkpoint;
    private Instant checkpointAt = Instant.MIN;
    private final List<Entry> entries = new ArrayList<>();
    /** Changes subscribers were told since the checkpoint, oldest first. */
    private List<VerdictChange> told = new ArrayList<>();
    private long unjudged;

    public MonitorVerdicts(String monitorId, QuorumRule rule, Duration staleAfter) {
        this(monitorId, rule, staleAfter, FlapDamping.defaults(), 0, Duration.ZERO);
    }

    public MonitorVerdicts(String monitorId, QuorumRule rule, Duration staleAfter, FlapDamping damping) {
        this(monitorId, rule, staleAfter, damping, 0, Duration.ZERO);
    }

    /**
     * @param agents    how many agents run this monitor; with none, results always arrive in order and nothing is kept
     * @param lateAfter how far behind the newest result a result must be to be re-folded in its place
     */
    public MonitorVerdicts(String monitorId, QuorumRule rule, Duration staleAfter, FlapDamping damping, int agents, Duration lateAfter) {
        this.monitorId = monitorId;
        this.lateAfter = lateAfter;
        this.current = new VerdictFold(monitorId, rule, staleAfter, damping);
        this.kept = agents == 0 ? 0 : KEPT_PER_VANTAGE * (agents + 1);
        if (kept > 0) checkpoint = current.copy();
    }

    /** Folds one result in; returns the last change it caused, if any (see {@link #acceptAll}). */
    public Optional<VerdictChange> accept(String vantage, CheckResult result) {
        List<VerdictChange> changes = acceptAll(List.of(new MonitorResult(monitorId, vantage, result)));
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.getLast());
    }

    /**
     * Folds results of this monitor in the order they were taken.
     *
     * @return the changes, oldest first: for results in order at most one per result; after late
     *         results, the corrections of the verdict's history
     */
    public List<VerdictChange> acceptAll(List<MonitorResult> results) {
        if (kept == 0 && results.size() == 1) { // the hub's own checks: always in order, nothing kept
            return current.accept(results.getFirst().vantage(), results.getFirst().result()).map(List::of).orElse(List.of());
        }
        var sorted = results.stream().sorted(Comparator.comparing(r -> r.result().startedAt())).toList();
        Instant newest = entries.isEmpty() ? checkpointAt : entries.getLast().at();
        boolean late = kept > 0 && !newest.equals(Instant.MIN) && sorted.stream().anyMatch(r -> r.result().startedAt().isBefore(newest.minus(lateAfter)));
        if (late) return refold(sorted);
        var changes = new ArrayList<VerdictChange>();
        for (MonitorResult r : sorted) {
            Optional<VerdictChange> change = current.accept(r.vantage(), r.result());
            change.ifPresent(changes::add);
            keep(new Entry(r.vantage(), r.result(), r.result().startedAt()), change);
        }
        return changes;
    }

    /** Re-judges at {@code now} without a new result: vantage points may have gone silent, a hold may end. */
    public Optional<VerdictChange> reevaluate(Instant now) {
        Optional<VerdictChange> change = current.reevaluate(now);
        change.ifPresent(c -> keep(new Entry(null, null, now), change));
        return change;
    }

    public Verdict verdict() {
        return current.verdict();
    }

    public Instant since() {
        return current.since();
    }

    public List<String> evidence() {
        return current.evidence();
    }

    public DampingState damping(Instant now) {
        return current.damping(now);
    }

    /** What each vantage point last reported, in the order vantage points first reported. */
    public List<VantageTally> tallies() {
        return current.tallies();
    }

    /** Late results too old to be re-folded (stored, never judged) since start. */
    public long unjudged() {
        return unjudged;
    }

    private void keep(Entry entry, Optional<VerdictChange> change) {
        if (kept == 0) return;
        int at = entries.size();
        while (at > 0 && entries.get(at - 1).at().isAfter(entry.at())) at--;
        entries.add(at, entry);
        change.ifPresent(told::add);
        trim();
    }

    /** Folds the oldest entries beyond what is kept into the checkpoint. */
    private void trim() {
        while (entries.size() > kept) {
            Entry oldest = entries.removeFirst();
            fold(checkpoint, oldest);
            checkpointAt = oldest.at();
            told.removeIf(c -> !c.at().isAfter(checkpointAt));
        }
    }

    private List<VerdictChange> refold(List<MonitorResult> sorted) {
        for (MonitorResult r : sorted) {
            if (r.result().startedAt().isBefore(checkpointAt)) {
                unjudged++;
                continue;
            }
            int at = entries.size();
            while (at > 0 && entries.get(at - 1).at().isAfter(r.result().startedAt())) at--;
            entries.add(at, new Entry(r.vantage(), r.result(), r.result().startedAt()));
        }
        VerdictFold fold = checkpoint.copy();
        var history = new ArrayList<VerdictChange>();
        for (Entry e : entries) fold(fold, e).ifPresent(history::add);
        List<VerdictChange> corrections = corrections(told, history, checkpoint.verdict(), fold.evidence());
        current = fold;
        told = history;
        trim();
        return corrections;
    }

    private static Optional<VerdictChange> fold(VerdictFold fold, Entry e) {
        return e.vantage() == null ? fold.reevaluate(e.at()) : fold.accept(e.vantage(), e.result());
    }

    /**
     * What subscribers must be told so that, having heard {@code before}, they know {@code after}:
     * from the first difference on, a change to what {@code after} says at that moment, then the
     * rest of {@code after}.
     */
    private List<VerdictChange> corrections(List<VerdictChange> before, List<VerdictChange> after, Verdict atCheckpoint,
                                            List<String> evidence) {
        int same = 0;
        while (same < before.size() && same < after.size() && sameChange(before.get(same), after.get(same))) same++;
        var out = new ArrayList<VerdictChange>();
        Verdict believed = before.isEmpty() ? atCheckpoint : before.getLast().to();
        if (same < before.size() && (same >= after.size() || before.get(same).at().isBefore(after.get(same).at()))) {
            // subscribers heard of a change that did not happen: the verdict at that moment is what the new history says
            Verdict then = same == 0 ? atCheckpoint : after.get(same - 1).to();
            out.add(new VerdictChange(monitorId, believed, then, before.get(same).at(), evidence));
            believed = then;
        }
        for (int i = same; i < after.size(); i++) {
            VerdictChange c = after.get(i);
            out.add(new VerdictChange(monitorId, believed, c.to(), c.at(), c.evidence()));
            believed = c.to();
        }
        return out;
    }

    private static boolean sameChange(VerdictChange a, VerdictChange b) {
        return a.from() == b.from() && a.to() == b.to() && a.at().equals(b.at());
    }
}
