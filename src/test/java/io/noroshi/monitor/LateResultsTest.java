package io.noroshi.monitor;

import static io.noroshi.monitor.Monitors.result;
import static io.noroshi.probe.CheckOutcome.DOWN;
import static io.noroshi.probe.CheckOutcome.UP;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.FlapDamping;
import io.noroshi.probe.CheckOutcome;
import io.noroshi.uptime.DailyUptime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finding 2 of issue 10: agents' buffers flushed after a hub outage. Results are judged in the order
 * they were taken, and time nobody judged is "no data" in the uptime bars, never up.
 */
class LateResultsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final Duration INTERVAL = Duration.ofSeconds(10);

    private final InMemoryStores.ComponentStates states = new InMemoryStores.ComponentStates();
    private final InMemoryStores.Uptime uptimeStore = new InMemoryStores.Uptime();
    private final RecordingEvents recorded = new RecordingEvents();
    private UptimeTracker uptime;

    /** The hub as Monitoring wires it, started at {@code startedAt}: one monitor run by the hub and two agents. */
    private MonitorEngine hubStartedAt(Instant startedAt) {
        var monitor = Monitors.tcp("www", "web", List.of("hub", "osaka", "office"), INTERVAL);
        var events = recorded.subscribedTo(new InHubEvents());
        var engine = new MonitorEngine(List.of(monitor), FlapDamping.defaults(), events, new MonitorMetrics(new SimpleMeterRegistry()), r -> { });
        uptime = new UptimeTracker(uptimeStore, ZoneOffset.UTC, startedAt);
        var components = new ComponentVerdicts(List.of(monitor), engine::verdict, states, uptime, () -> { });
        events.subscribe(components::onChange);
        return engine;
    }

    private static List<MonitorResult> agentBuffer(String vantage, CheckOutcome outcome, Instant from, int count) {
        var out = new ArrayList<MonitorResult>();
        for (int i = 0; i < count; i++) out.add(result("www", vantage, outcome, from.plus(INTERVAL.multipliedBy(i)).plusMillis(300)));
        return out;
    }

    @Test
    void failuresBufferedByBothAgentsDuringAHubOutageReachADownVerdictWhenTheyArrive() {
        // The hub restarts at T0 + 120 s; the target failed from T0 to T0 + 110 s and is back since.
        Instant restart = T0.plusSeconds(120);
        var engine = hubStartedAt(restart);
        engine.judge(result("www", "hub", UP, restart));
        engine.judge(result("www", "hub", UP, restart.plus(INTERVAL)));

        // Each agent's buffer arrives as one upload: 12 failures taken during the outage, then its checks since.
        var osaka = agentBuffer("osaka", DOWN, T0, 12);
        osaka.addAll(agentBuffer("osaka", UP, T0.plusSeconds(120), 2));
        var office = agentBuffer("office", DOWN, T0, 12);
        office.addAll(agentBuffer("office", UP, T0.plusSeconds(120), 2));
        engine.judgeAll(osaka);
        engine.judgeAll(office);

        assertThat(recorded.changes).extracting(VerdictChange::to).contains(Verdict.DOWN);
        VerdictChange down = recorded.changes.stream().filter(c -> c.to() == Verdict.DOWN).findFirst().orElseThrow();
        assertThat(down.at()).as("judged when the second failure of both agents was taken").isEqualTo(T0.plusSeconds(10).plusMillis(300));
        assertThat(engine.verdict("www")).isEqualTo(Verdict.UP);
        assertThat(states.all().get("web").status()).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    @Test
    void anOutageJudgedFromLateResultsCountsAsOutageAndNothingBeforeTheHubStartedCounts() {
        // The hub runs all along; both agents are cut off from it at T0 + 60 s while the target fails.
        var engine = hubStartedAt(T0);
        for (int i = 0; i < 6; i++) {
            Instant at = T0.plus(INTERVAL.multipliedBy(i));
            engine.judgeAll(List.of(result("www", "hub", UP, at), result("www", "osaka", UP, at), result("www", "office", UP, at)));
        }
        // From T0 + 60 s the target fails for 60 s; the hub's own checks see it, but alone it is no quorum.
        for (int i = 6; i < 18; i++) {
            Instant at = T0.plus(INTERVAL.multipliedBy(i));
            engine.judge(result("www", "hub", i < 12 ? DOWN : UP, at));
            engine.sweep(at.plusSeconds(5));
        }
        assertThat(recorded.changes).extracting(VerdictChange::to).as("agents silent: no data").containsSubsequence(Verdict.UP, Verdict.NO_DATA);
        assertThat(recorded.changes).extracting(VerdictChange::to).doesNotContain(Verdict.DOWN);

        // The agents reconnect at T0 + 180 s and upload what they buffered: failures from T0 + 60 s to T0 + 120 s.
        var osaka = agentBuffer("osaka", DOWN, T0.plusSeconds(60), 6);
        osaka.addAll(agentBuffer("osaka", UP, T0.plusSeconds(120), 6));
        var office = agentBuffer("office", DOWN, T0.plusSeconds(60), 6);
        office.addAll(agentBuffer("office", UP, T0.plusSeconds(120), 6));
        engine.judgeAll(osaka);
        engine.judgeAll(office);
        uptime.flush(T0.plusSeconds(180));

        assertThat(engine.verdict("www")).isEqualTo(Verdict.UP);
        DailyUptime day = uptimeStore.day("web", DAY);
        // DOWN from the second failure of both agents (T0 + 70.3 s) to their second good check (T0 + 130.3 s).
        assertThat(day.outageSeconds()).isBetween(59L, 61L);
        assertThat(day.operationalSeconds() + day.outageSeconds()).as("from the first verdict (T0 + 10 s) on, nothing twice")
                .isEqualTo(170);
    }

    @Test
    void timeNoVantagePointJudgedStaysNoData() {
        var engine = hubStartedAt(T0);
        for (int i = 0; i < 3; i++) {
            Instant at = T0.plus(INTERVAL.multipliedBy(i));
            engine.judgeAll(List.of(result("www", "hub", UP, at), result("www", "osaka", UP, at), result("www", "office", UP, at)));
        }
        for (int s = 25; s <= 200; s += 5) engine.sweep(T0.plusSeconds(s)); // everyone silent, the hub's own checks too (stuck)
        // Late results from one agent alone are no quorum: the silent time stays unjudged.
        engine.judgeAll(agentBuffer("osaka", UP, T0.plusSeconds(30), 15));
        uptime.flush(T0.plusSeconds(300));

        DailyUptime day = uptimeStore.day("web", DAY);
        assertThat(day.operationalSeconds()).as("up from T0 + 10 s until the vantage points went stale, nothing after")
                .isLessThan(70);
    }
}
