package io.noroshi.probe.heartbeat;

import io.noroshi.probe.CheckResult;
import io.noroshi.probe.Checker;
import io.noroshi.probe.FailureReason;
import io.noroshi.probe.ProbeRun;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * UP while the last push is at most {@code period + grace} old; DOWN after. Before the first
 * push the ledger's opening time stands in for it, so a just-started hub does not page anyone.
 */
public final class HeartbeatChecker implements Checker<HeartbeatProbe> {

    private final InstantSource clock;
    private final HeartbeatLedger ledger;

    public HeartbeatChecker(InstantSource clock, HeartbeatLedger ledger) {
        this.clock = clock;
        this.ledger = ledger;
    }

    @Override
    public CheckResult check(HeartbeatProbe probe) {
        ProbeRun run = ProbeRun.start(clock);
        Instant now = run.startedAt();
        Optional<Instant> lastPush = ledger.lastPush(probe.id());
        Duration allowed = probe.allowedSilence();
        if (lastPush.isEmpty()) {
            Duration waited = Duration.between(ledger.openedAt(), now);
            if (waited.compareTo(allowed) > 0) {
                return run.down("no push yet (waited " + FailureReason.readable(waited) + ", allowed " + FailureReason.readable(allowed) + ")");
            }
            return run.up("waiting for the first push");
        }
        Duration silence = Duration.between(lastPush.get(), now);
        if (silence.compareTo(allowed) > 0) {
            return run.down("last push " + FailureReason.readable(silence) + " ago (allowed " + FailureReason.readable(allowed) + ")");
        }
        return run.up("last push " + FailureReason.readable(silence) + " ago");
    }
}
