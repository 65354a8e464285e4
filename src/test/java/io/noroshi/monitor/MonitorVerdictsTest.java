package io.noroshi.monitor;

import static org.assertj.core.api.Assertions.assertThat;

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
    void flappingHoldsDownUntilItSettles() {
        rounds(2, "UP", "UP", "UP");
        for (int i = 0; i < 3; i++) {
            rounds(2, "DOWN", "DOWN", "DOWN");
            rounds(2, "UP", "UP", "UP");
        }
        rounds(2, "DOWN", "DOWN", "DOWN");
        assertThat(verdicts.verdict()).isEqualTo(Verdict.DOWN);
        rounds(2, "UP", "UP", "UP");
        assertThat(verdicts.verdict()).as("flapping: a quick recovery is held back").isEqualTo(Verdict.DOWN);
        rounds(60, "UP", "UP", "UP");
        assertThat(verdicts.verdict()).isEqualTo(Verdict.UP);
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
