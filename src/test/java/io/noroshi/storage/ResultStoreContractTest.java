package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.noroshi.monitor.HourlyResults;
import io.noroshi.monitor.MonitorResult;
import io.noroshi.monitor.ResultStore;
import io.noroshi.monitor.ResultStore.Sequenced;
import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class ResultStoreContractTest extends StoreContract {

    ResultStoreContractTest(Engine engine) {
        super(engine);
    }

    private static MonitorResult result(String vantage, CheckOutcome outcome, long secondsAfterT0, long latencyMs) {
        return new MonitorResult("web", vantage, new CheckResult(outcome, at(secondsAfterT0), Duration.ofMillis(latencyMs),
                outcome == CheckOutcome.DOWN ? "HTTP 503 (expected 200-399)" : ""));
    }

    @Test
    void appendedResultsComeBackInTimeOrderWithMilliseconds() {
        var late = result("hub", CheckOutcome.DOWN, 60, 12);
        var early = result("hub", CheckOutcome.UP, 30, 7);
        var other = new MonitorResult("mail", "hub", new CheckResult(CheckOutcome.UP, at(45), Duration.ofMillis(3), "ok"));
        db().results().append(List.of(late, early, other));

        assertThat(db().results().between("web", at(0), at(3600))).containsExactly(early, late);
        assertThat(db().results().between("web", at(31), at(3600))).containsExactly(late);
    }

    @Test
    void aResentAgentBatchIsNotCountedTwice() {
        var first = List.of(new Sequenced(1, result("osaka", CheckOutcome.UP, 0, 5)), new Sequenced(2, result("osaka", CheckOutcome.DOWN, 30, 5)));
        assertThat(db().results().appendFromAgent("osaka", first)).hasSize(2);

        var resentWithOneMore = List.of(first.get(0), first.get(1), new Sequenced(3, result("osaka", CheckOutcome.DOWN, 60, 5)));
        var stored = db().results().appendFromAgent("osaka", resentWithOneMore);

        assertThat(stored).containsExactly(resentWithOneMore.get(2).result());
        assertThat(db().results().appendFromAgent("osaka", first)).isEmpty();
        assertThat(db().results().lastSequence("osaka")).isEqualTo(3);
        assertThat(db().results().lastSequence("never-seen")).isZero();
        assertThat(db().results().between("web", at(-1), at(3600))).hasSize(3);
    }

    @Test
    void sequencesAreKeptPerAgent() {
        db().results().appendFromAgent("osaka", List.of(new Sequenced(1, result("osaka", CheckOutcome.UP, 0, 5)),
                new Sequenced(2, result("osaka", CheckOutcome.UP, 30, 5))));

        var other = db().results().appendFromAgent("office", List.of(new Sequenced(1, result("office", CheckOutcome.UP, 0, 5))));

        assertThat(other).hasSize(1);
        assertThat(db().results().lastSequence("osaka")).isEqualTo(2);
        assertThat(db().results().lastSequence("office")).isEqualTo(1);
    }

    @Test
    void aSequenceFarAheadIsRefusedAndNothingOfItsBatchIsStored() {
        db().results().appendFromAgent("osaka", List.of(new Sequenced(1, result("osaka", CheckOutcome.UP, 0, 5))));

        var gap = catchThrowableOfType(ResultStore.SequenceGap.class, () -> db().results().appendFromAgent("osaka",
                List.of(new Sequenced(2, result("osaka", CheckOutcome.UP, 30, 5)), new Sequenced(1_000_000, result("osaka", CheckOutcome.UP, 60, 5)))));

        assertThat(gap.expected()).isEqualTo(3);
        assertThat(gap.got()).isEqualTo(1_000_000);
        assertThat(db().results().lastSequence("osaka")).isEqualTo(1);
        assertThat(db().results().between("web", at(-1), at(3600))).hasSize(1);
        assertThat(db().results().appendFromAgent("osaka", List.of(new Sequenced(2, result("osaka", CheckOutcome.UP, 30, 5)))))
                .as("the real agent's next result still follows on").hasSize(1);
    }

    @Test
    void aRefusedResultUsesUpItsNumberWithoutBeingStored() {
        var stored = db().results().appendFromAgent("osaka", List.of(new Sequenced(1, result("osaka", CheckOutcome.UP, 0, 5)),
                new Sequenced(2, null), new Sequenced(3, null)));

        assertThat(stored).hasSize(1);
        assertThat(db().results().lastSequence("osaka")).isEqualTo(3);
        assertThat(db().results().appendFromAgent("osaka", List.of(new Sequenced(4, null)))).isEmpty();
        assertThat(db().results().lastSequence("osaka")).isEqualTo(4);
    }

    @Test
    void compactionFoldsOldResultsIntoHourlyAggregatesAndKeepsRecentOnes() {
        Instant hour = Instant.parse("2026-03-01T09:00:00Z");
        var old = List.of(
                new MonitorResult("web", "hub", new CheckResult(CheckOutcome.UP, hour.plusSeconds(10), Duration.ofMillis(10), "")),
                new MonitorResult("web", "hub", new CheckResult(CheckOutcome.DOWN, hour.plusSeconds(40), Duration.ofMillis(30), "x")),
                new MonitorResult("web", "hub", new CheckResult(CheckOutcome.DEGRADED, hour.plusSeconds(70), Duration.ofMillis(20), "")));
        var recent = new MonitorResult("web", "hub", new CheckResult(CheckOutcome.UP, hour.plusSeconds(7200), Duration.ofMillis(1), ""));
        db().results().append(old);
        db().results().append(List.of(recent));

        int folded = db().results().compactBefore(hour.plusSeconds(7200 + 59));

        assertThat(folded).isEqualTo(3);
        assertThat(db().results().between("web", hour, hour.plusSeconds(86_400))).containsExactly(recent);
        assertThat(db().results().hourly("web", hour)).containsExactly(new HourlyResults("web", "hub", hour, 1, 1, 1, 60, 30));

        // A second compaction of the same hour adds to its aggregate instead of replacing it.
        db().results().append(List.of(new MonitorResult("web", "hub", new CheckResult(CheckOutcome.UP, hour.plusSeconds(100), Duration.ofMillis(50), ""))));
        db().results().compactBefore(hour.plusSeconds(7200));
        assertThat(db().results().hourly("web", hour)).containsExactly(new HourlyResults("web", "hub", hour, 2, 1, 1, 110, 50));
    }
}
