package io.noroshi.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.component.ComponentStatus;
import io.noroshi.uptime.DailyUptime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class UptimeTrackerTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    /** 10:00 in Tokyo on DAY. */
    private static final Instant T0 = DAY.atTime(10, 0).atZone(TOKYO).toInstant();

    private final InMemoryStores.Uptime store = new InMemoryStores.Uptime();
    private final UptimeTracker tracker = new UptimeTracker(store, TOKYO);

    @Test
    void countsSecondsInEachStatusFromVerdictToVerdict() {
        tracker.observe("web", ComponentStatus.OPERATIONAL, T0);
        tracker.observe("web", ComponentStatus.MAJOR_OUTAGE, T0.plusSeconds(3600));
        tracker.observe("web", ComponentStatus.DEGRADED_PERFORMANCE, T0.plusSeconds(3600 + 600));

        tracker.flush(T0.plusSeconds(3600 + 600 + 60));

        assertThat(store.day("web", DAY)).isEqualTo(new DailyUptime("web", DAY, 3600, 60, 600, 0));
    }

    @Test
    void timeBeforeTheFirstVerdictAndWithoutDataIsNotCounted() {
        tracker.observe("web", ComponentStatus.OPERATIONAL, T0);
        tracker.observe("web", null, T0.plusSeconds(100));
        tracker.observe("web", ComponentStatus.OPERATIONAL, T0.plusSeconds(10_000));

        tracker.flush(T0.plusSeconds(10_050));

        assertThat(store.day("web", DAY).operationalSeconds()).isEqualTo(150);
        assertThat(store.day("web", DAY).observedSeconds()).isEqualTo(150);
    }

    @Test
    void aHubRestartAddsToTheDayAlreadyStoredAndCountsNothingWhileItWasDown() {
        tracker.observe("web", ComponentStatus.OPERATIONAL, T0);
        tracker.flush(T0.plusSeconds(600));

        // The hub is stopped for an hour; the new process starts without a verdict.
        var restarted = new UptimeTracker(store, TOKYO);
        restarted.observe("web", ComponentStatus.OPERATIONAL, T0.plusSeconds(4200));
        restarted.flush(T0.plusSeconds(4500));

        assertThat(store.day("web", DAY)).isEqualTo(new DailyUptime("web", DAY, 900, 0, 0, 0));
    }

    @Test
    void aStatusAcrossMidnightIsSplitByThePagesTimeZone() {
        Instant beforeMidnight = DAY.atTime(23, 50).atZone(TOKYO).toInstant();
        tracker.observe("web", ComponentStatus.MAJOR_OUTAGE, beforeMidnight);

        tracker.flush(beforeMidnight.plusSeconds(1200));

        assertThat(store.day("web", DAY).outageSeconds()).isEqualTo(600);
        assertThat(store.day("web", DAY.plusDays(1)).outageSeconds()).isEqualTo(600);
    }

    @Test
    void aChangeJudgedFromLateResultsNeverCountsTimeTwice() {
        tracker.observe("web", ComponentStatus.OPERATIONAL, T0);
        tracker.observe("web", ComponentStatus.MAJOR_OUTAGE, T0.plusSeconds(600));

        // An agent's buffered results arrive late and flip the verdict at an earlier time.
        tracker.observe("web", ComponentStatus.OPERATIONAL, T0.plusSeconds(300));
        tracker.flush(T0.plusSeconds(900));

        assertThat(store.day("web", DAY).observedSeconds()).isEqualTo(900);
    }
}
