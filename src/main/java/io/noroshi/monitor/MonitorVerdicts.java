package io.noroshi.monitor;

import io.noroshi.config.FlapDamping;
import io.noroshi.probe.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The verdict of one monitor, folded from the results of all its vantage points (see
 * {@link VerdictFold} for the rules). Not thread-safe: one engine thread feeds it.
 */
public final class MonitorVerdicts {

    private final VerdictFold fold;

    public MonitorVerdicts(String monitorId, QuorumRule rule, Duration staleAfter) {
        this(monitorId, rule, staleAfter, FlapDamping.defaults());
    }

    public MonitorVerdicts(String monitorId, QuorumRule rule, Duration staleAfter, FlapDamping damping) {
        this.fold = new VerdictFold(monitorId, rule, staleAfter, damping);
    }

    /** Folds one result in; returns the change it caused, if any. */
    public Optional<VerdictChange> accept(String vantage, CheckResult result) {
        return fold.accept(vantage, result);
    }

    /** Re-judges at {@code now} without a new result: vantage points may have gone silent, a hold may end. */
    public Optional<VerdictChange> reevaluate(Instant now) {
        return fold.reevaluate(now);
    }

    public Verdict verdict() {
        return fold.verdict();
    }

    public Instant since() {
        return fold.since();
    }

    public List<String> evidence() {
        return fold.evidence();
    }

    public DampingState damping(Instant now) {
        return fold.damping(now);
    }
}
