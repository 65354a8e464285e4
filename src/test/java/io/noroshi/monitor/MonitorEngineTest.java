package io.noroshi.monitor;

import static io.noroshi.monitor.Monitors.result;
import static io.noroshi.probe.CheckOutcome.DEGRADED;
import static io.noroshi.probe.CheckOutcome.DOWN;
import static io.noroshi.probe.CheckOutcome.UP;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.noroshi.config.Monitor;
import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonitorEngineTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final List<String> THREE = List.of("hub", "osaka", "office");

    private final RecordingEvents recorded = new RecordingEvents();
    private final List<MonitorResult> stored = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private MonitorEngine engine(Monitor... monitors) {
        return new MonitorEngine(List.of(monitors), recorded.subscribedTo(new InHubEvents()), new MonitorMetrics(registry), stored::add);
    }

    /** One round: every vantage point checks once, a second apart, as schedulers at different offsets would. */
    private static void round(MonitorEngine engine, int n, Map<String, CheckOutcome> outcomes) {
        int i = 0;
        for (var entry : outcomes.entrySet()) {
            engine.judge(result("web", entry.getKey(), entry.getValue(), T0.plus(INTERVAL.multipliedBy(n)).plusSeconds(i++)));
        }
    }

    @Test
    void quorumOfTwoIgnoresOneBrokenVantagePoint() {
        var engine = engine(Monitors.tcp("web", "web", THREE, INTERVAL));

        for (int n = 0; n < 10; n++) round(engine, n, Map.of("hub", UP, "osaka", UP, "office", DOWN));

        assertThat(recorded.verdicts()).containsExactly(Verdict.UP);
        assertThat(engine.verdict("web")).isEqualTo(Verdict.UP);
    }

    @Test
    void twoFailingVantagePointsDeclareAnOutageAfterTheirConfirmations() {
        var engine = engine(Monitors.tcp("web", "web", THREE, INTERVAL));
        for (int n = 0; n < 3; n++) round(engine, n, Map.of("hub", UP, "osaka", UP, "office", UP));

        round(engine, 3, Map.of("hub", DOWN, "osaka", DOWN, "office", UP));
        assertThat(engine.verdict("web")).isEqualTo(Verdict.UP);
        round(engine, 4, Map.of("hub", DOWN, "osaka", DOWN, "office", UP));

        assertThat(engine.verdict("web")).isEqualTo(Verdict.DOWN);
        VerdictChange down = recorded.changes.getLast();
        assertThat(down.from()).isEqualTo(Verdict.UP);
        assertThat(down.evidence()).anySatisfy(line -> assertThat(line).startsWith("osaka: down (connection refused)"));
        assertThat(registry.get("noroshi_monitor_state").tag("monitor", "web").gauge().value()).isEqualTo(3.0);
    }

    @Test
    void recoveryNeedsItsOwnThreshold() {
        Monitor strictRecovery = new Monitor("web", Monitors.tcp("x", null, THREE, INTERVAL).probe(), INTERVAL, 0, Optional.empty(),
                Optional.empty(), THREE, Optional.of(2), 2, 3);
        var engine = engine(strictRecovery);
        for (int n = 0; n < 3; n++) round(engine, n, Map.of("hub", DOWN, "osaka", DOWN, "office", DOWN));
        assertThat(engine.verdict("web")).isEqualTo(Verdict.DOWN);

        round(engine, 3, Map.of("hub", UP, "osaka", UP, "office", UP));
        round(engine, 4, Map.of("hub", UP, "osaka", UP, "office", UP));
        assertThat(engine.verdict("web")).isEqualTo(Verdict.DOWN);
        round(engine, 5, Map.of("hub", UP, "osaka", UP, "office", UP));

        assertThat(engine.verdict("web")).isEqualTo(Verdict.UP);
    }

    @Test
    void aQuorumOfSlowAnswersIsDegradedNotDown() {
        var engine = engine(Monitors.tcp("web", "web", THREE, INTERVAL));
        for (int n = 0; n < 2; n++) round(engine, n, Map.of("hub", UP, "osaka", UP, "office", UP));

        round(engine, 2, Map.of("hub", DEGRADED, "osaka", DEGRADED, "office", UP));

        assertThat(engine.verdict("web")).isEqualTo(Verdict.DEGRADED);
    }

    @Test
    void vantagePointsThatFallSilentLeaveNoDataNeverUp() {
        var clock = new FakeClock(T0);
        var engine = engine(Monitors.tcp("web", "web", THREE, INTERVAL));
        for (int n = 0; n < 2; n++) round(engine, n, Map.of("hub", UP, "osaka", UP, "office", UP));
        assertThat(engine.verdict("web")).isEqualTo(Verdict.UP);

        clock.advance(INTERVAL.multipliedBy(2).plus(MonitorEngine.staleAfter(engine.monitor("web").orElseThrow())));
        engine.sweep(clock.instant());

        assertThat(engine.verdict("web")).isEqualTo(Verdict.NO_DATA);
    }

    @Test
    void resultsFromVantagePointsNotAssignedAreIgnored() {
        var engine = engine(Monitors.tcp("web", "web", List.of("hub"), INTERVAL));

        boolean judged = engine.judge(result("web", "osaka", DOWN, T0));
        engine.acceptFromHub(result("unknown-monitor", "hub", DOWN, T0));

        assertThat(judged).isFalse();
        assertThat(stored).isEmpty();
        assertThat(engine.verdict("web")).isEqualTo(Verdict.NO_DATA);
    }

    /**
     * Each vantage point checks on its own grid (offset within the interval); the target goes
     * down at {@code downAfter}. The verdict must flip within interval × confirmations of it.
     */
    @ParameterizedTest(name = "interval {0}s, offsets {1}/{2}/{3}s, down after {4}s")
    @CsvSource({"30,0,10,20,95", "30,29,1,15,61", "10,3,7,9,44", "60,59,58,0,300", "5,0,0,0,12"})
    void detectionTimeIsWithinIntervalTimesConfirmations(int interval, int hubOffset, int osakaOffset, int officeOffset, int downAfter) {
        var every = Duration.ofSeconds(interval);
        var engine = engine(Monitors.tcp("web", "web", THREE, every));
        Instant down = T0.plusSeconds(downAfter);
        var offsets = Map.of("hub", hubOffset, "osaka", osakaOffset, "office", officeOffset);
        var clock = new FakeClock(T0);
        Instant end = down.plus(every.multipliedBy(5));
        while (clock.instant().isBefore(end)) {
            for (var vantage : offsets.entrySet()) {
                long sinceStart = clock.instant().getEpochSecond() - T0.getEpochSecond();
                if (sinceStart % interval == vantage.getValue() % interval) {
                    engine.judge(result("web", vantage.getKey(), clock.instant().isBefore(down) ? UP : DOWN, clock.instant()));
                }
            }
            clock.advance(Duration.ofSeconds(1));
        }

        VerdictChange flip = recorded.changes.stream().filter(c -> c.to() == Verdict.DOWN).findFirst().orElseThrow();
        Duration detection = Duration.between(down, flip.at());
        assertThat(detection).isPositive().isLessThanOrEqualTo(every.multipliedBy(Monitor.DEFAULT_CONFIRMATIONS));
    }
}
