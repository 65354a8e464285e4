package io.noroshi.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.config.FlapDamping;
import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonitorVerdictsTest {

    static final Duration INTERVAL = Duration.ofSeconds(30);
    Instant now = Instant.parse("2026-11-25T00:00:00Z");
    final MonitorVerdicts verdicts = new MonitorVerdicts("web", new QuorumRule(2, 2, 2), INTERVAL.multipliedBy(3));
    final List<VerdictChange> changes = new ArrayList<>();

    @Test
    void quorumOfTwoIgnoresOneBrokenVantage() {
        rounds(2, "UP", "UP", "UP");
        assertThat(verdicts.verdict()).isEqualTo(Verdict.UP);
        rounds(5, "DOWN", "UP", "UP");
        assertThat(verdicts.verdict()).isEqualTo(Verdict.UP);
        assertThat(changes).extracting(VerdictChange::to).containsExactly(Verdict.UP);
    }

    @Test
    void twoVantagesFailingTwiceDeclareDown() {
        rounds(2, "UP", "UP", "UP");
        rounds(1, "DOWN", "DOWN", "UP");
        assertThat(verdicts.verdict()).as("one failed check each is not yet confirmed").isEqualTo(Verdict.UP);
        rounds(1, "DOWN", "DOWN", "UP");
        assertThat(verdicts.verdict()).isEqualTo(Verdict.DOWN);
        VerdictChange down = changes.getLast();
        assertThat(down.from()).isEqualTo(Verdict.UP);
        assertThat(down.evidence()).contains("tokyo: down (connection refused)", "osaka: down (connection refused)", "office: up");
    }

    @Test
    void detectionTimeIsIntervalTimesConfirmationsWithAnInjectedClock() {
        rounds(2, "UP", "UP", "UP");
        Instant outageStarts = now;
        rounds(2, "DOWN", "DOWN", "DOWN");
        assertThat(changes.getLast().to()).isEqualTo(Verdict.DOWN);
        assertThat(Duration.between(outageStarts, changes.getLast().at())).isLessThanOrEqualTo(INTERVAL.multipliedBy(2));
    }

    @Test
    void recoveryNeedsItsOwnThresholdFromAQuorum() {
        rounds(2, "DOWN", "DOWN", "DOWN");
        assertThat(verdicts.verdict()).isEqualTo(Verdict.DOWN);
        rounds(1, "UP", "UP", "DOWN");
        assertThat(verdicts.verdict()).as("one good check is not recovery").isEqualTo(Verdict.DOWN);
        rounds(1, "UP", "DOWN", "DOWN");
        assertThat(verdicts.verdict()).isEqualTo(Verdict.DOWN);
        rounds(2, "UP", "UP", "DOWN");
        assertThat(verdicts.verdict()).isEqualTo(Verdict.UP);
    }

    @Test
    void slowAnswersFromAQuorumAreDegradedNotDown() {
        rounds(2, "DEGRADED", "DEGRADED", "UP");
        assertThat(verdicts.verdict()).isEqualTo(Verdict.DEGRADED);
    }

    @Test
    void silentVantagePointsMeanNoDataNeverUp() {
        rounds(2, "UP", "UP", "UP");
        now = now.plus(Duration.ofMinutes(10));
        Optional<VerdictChange> change = verdicts.reevaluate(now);
        assertThat(change).map(VerdictChange::to).contains(Verdict.NO_DATA);
    }

    @Test
    void aFirstResultAloneIsNotYetUp() {
        rounds(1, "UP", "UP", "UP");
        assertThat(verdicts.verdict()).isEqualTo(Verdict.NO_DATA);
    }

    @Test
    void theStartUpIsNotAFlapSoTwoShortOutagesRecoverAtOnce() {
        rounds(2, "UP", "UP", "UP"); // no data -> up at start-up: not an UP/DOWN change
        rounds(2, "DOWN", "DOWN", "DOWN");
        rounds(2, "UP", "UP", "UP");
        rounds(2, "DOWN", "DOWN", "DOWN");
        rounds(2, "UP", "UP", "UP");
        assertThat(verdicts.verdict()).as("three real changes are not flapping").isEqualTo(Verdict.UP);
        assertThat(verdicts.damping(now)).isEqualTo(new DampingState(4, true, Optional.empty()));
    }

    @Test
    void flappingHoldsDownOnlyUntilTheRecoveryHeldForTheHoldTime() {
        rounds(2, "UP", "UP", "UP");
        for (int i = 0; i < 3; i++) {
            rounds(2, "DOWN", "DOWN", "DOWN");
            rounds(2, "UP", "UP", "UP");
        }
        rounds(2, "DOWN", "DOWN", "DOWN");
        assertThat(verdicts.verdict()).isEqualTo(Verdict.DOWN);
        rounds(2, "UP", "UP", "UP");
        assertThat(verdicts.verdict()).as("flapping: a quick recovery is held back").isEqualTo(Verdict.DOWN);
        Instant recoveredAt = now;
        assertThat(verdicts.damping(now).releasesAt()).contains(recoveredAt.plus(FlapDamping.DEFAULT_HOLD));
        rounds(3, "UP", "UP", "UP");
        assertThat(verdicts.verdict()).as("90 s of a 2 min hold").isEqualTo(Verdict.DOWN);
        rounds(1, "UP", "UP", "UP");
        assertThat(verdicts.verdict()).as("released once the recovery held 2 min, not after the 30 min window")
                .isEqualTo(Verdict.UP);
        assertThat(changes.getLast().at()).isEqualTo(recoveredAt.plus(FlapDamping.DEFAULT_HOLD));
    }

    @Test
    void aFailureDuringTheHoldStartsItAgainAndTheHoldIsConfigurable() {
        var longHold = new MonitorVerdicts("web", new QuorumRule(1, 1, 1), INTERVAL.multipliedBy(3),
                new FlapDamping(2, Duration.ofMinutes(30), Duration.ofMinutes(5)));
        List<Verdict> seen = new ArrayList<>();
        String script = "UDUD" + "UUU" + "D" + "UUUUUUUUUU" + "U";
        for (char c : script.toCharArray()) {
            now = now.plus(INTERVAL);
            longHold.accept("tokyo", new CheckResult(c == 'U' ? CheckOutcome.UP : CheckOutcome.DOWN, now, Duration.ZERO, ""));
            seen.add(longHold.verdict());
        }
        // U D U(flip 2: flapping from here) D, then UUU held, D restarts the hold, 10 U = exactly 5 min after the first.
        assertThat(seen.subList(0, 4)).containsExactly(Verdict.UP, Verdict.DOWN, Verdict.UP, Verdict.DOWN);
        assertThat(seen.subList(4, 18)).containsOnly(Verdict.DOWN);
        assertThat(seen.get(18)).isEqualTo(Verdict.UP);
    }

    private void rounds(int count, String tokyo, String osaka, String office) {
        for (int i = 0; i < count; i++) {
            now = now.plus(INTERVAL);
            report("tokyo", tokyo);
            report("osaka", osaka);
            report("office", office);
        }
    }

    private void report(String vantage, String outcome) {
        CheckOutcome o = CheckOutcome.valueOf(outcome);
        verdicts.accept(vantage, new CheckResult(o, now, Duration.ofMillis(20), o == CheckOutcome.DOWN ? "connection refused" : ""))
                .ifPresent(changes::add);
    }
}
