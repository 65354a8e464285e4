package io.noroshi.probe.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import io.noroshi.probe.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeartbeatCheckerTest {

    private static final HeartbeatProbe BACKUP = new HeartbeatProbe("nightly-backup", Duration.ofHours(1), Duration.ofMinutes(5));

    private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final HeartbeatLedger ledger = new HeartbeatLedger(clock);
    private final HeartbeatChecker checker = new HeartbeatChecker(clock, ledger);

    @ParameterizedTest(name = "{0}s after the last push -> {1}")
    @CsvSource({
            "0,    UP",
            "3600, UP",
            "3900, UP",
            "3901, DOWN",
            "86400, DOWN",
    })
    void lastPushOlderThanPeriodPlusGraceIsDown(long secondsSincePush, CheckOutcome expected) {
        ledger.recordPush("nightly-backup");
        clock.advance(Duration.ofSeconds(secondsSincePush));

        assertThat(checker.check(BACKUP).outcome()).isEqualTo(expected);
    }

    @Test
    void downMessageSaysHowLongItHasBeenSilent() {
        ledger.recordPush("nightly-backup");
        clock.advance(Duration.ofHours(2));

        assertThat(checker.check(BACKUP).message()).isEqualTo("last push 2h ago (allowed 1h 5m)");
    }

    @Test
    void beforeTheFirstPushTheHubStartGetsOnePeriodPlusGrace() {
        clock.advance(Duration.ofMinutes(65));
        CheckResult waiting = checker.check(BACKUP);
        assertThat(waiting.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(waiting.message()).isEqualTo("waiting for the first push");

        clock.advance(Duration.ofSeconds(1));
        CheckResult overdue = checker.check(BACKUP);
        assertThat(overdue.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(overdue.message()).startsWith("no push yet");
    }

    @Test
    void aPushBringsADownHeartbeatBackUp() {
        clock.advance(Duration.ofHours(3));
        assertThat(checker.check(BACKUP).outcome()).isEqualTo(CheckOutcome.DOWN);

        ledger.recordPush("nightly-backup");

        assertThat(checker.check(BACKUP).outcome()).isEqualTo(CheckOutcome.UP);
    }

    @Test
    void pushesCountOnlyForTheirOwnHeartbeat() {
        clock.advance(Duration.ofHours(3));
        ledger.recordPush("another-job");

        assertThat(checker.check(BACKUP).outcome()).isEqualTo(CheckOutcome.DOWN);
    }

    @Test
    void resultIsStampedWithTheInjectedClock() {
        clock.advance(Duration.ofMinutes(7));

        assertThat(checker.check(BACKUP).startedAt()).isEqualTo(Instant.parse("2026-03-01T00:07:00Z"));
    }
}
