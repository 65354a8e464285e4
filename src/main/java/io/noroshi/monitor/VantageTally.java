package io.noroshi.monitor;

import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import java.time.Instant;

/**
 * Runtime state of one monitor as seen from one vantage point: streaks of bad and good checks.
 * Immutable; each result yields the next tally.
 */
public record VantageTally(String vantage, int badStreak, int goodStreak, CheckOutcome last, String message, Instant at) {

    static VantageTally first(String vantage, CheckResult result) {
        return new VantageTally(vantage, 0, 0, null, "", result.startedAt()).next(result);
    }

    VantageTally next(CheckResult result) {
        boolean bad = result.outcome() == CheckOutcome.DOWN;
        return new VantageTally(vantage, bad ? badStreak + 1 : 0, bad ? 0 : goodStreak + 1, result.outcome(),
                result.message(), result.startedAt());
    }

    boolean failing(QuorumRule rule) {
        return badStreak >= rule.confirmations();
    }

    boolean recovered(QuorumRule rule) {
        return goodStreak >= rule.recoveries();
    }

    boolean fresh(Instant now, java.time.Duration maxAge) {
        return !at.isBefore(now.minus(maxAge));
    }

    String evidence() {
        return vantage + ": " + (last == null ? "no result" : last.name().toLowerCase(java.util.Locale.ROOT))
                + (message.isEmpty() ? "" : " (" + message + ")");
    }
}
