package io.noroshi.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.Checkers;
import io.noroshi.probe.Probe;
import io.noroshi.probe.ProbeRun;
import io.noroshi.probe.heartbeat.HeartbeatLedger;
import io.noroshi.probe.http.HttpChecker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CheckSchedulerTest {

    /** A probe of this test only: answers from a script, no network. */
    record ScriptedProbe(String name, Duration timeout) implements Probe {
        @Override
        public String kind() {
            return "scripted";
        }

        @Override
        public String target() {
            return name;
        }
    }

    private final Clock clock = Clock.systemUTC();
    private final List<MonitorResult> results = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private Checkers checkers(int failuresBeforeSuccess) {
        return Checkers.standard(clock, HttpChecker.defaultClient(), new HeartbeatLedger(clock)).with(ScriptedProbe.class, probe -> {
            int call = calls.computeIfAbsent(probe.name(), k -> new AtomicInteger()).incrementAndGet();
            var run = ProbeRun.start(clock);
            return call <= failuresBeforeSuccess ? run.down("scripted failure " + call) : run.up("");
        });
    }

    @Test
    void firstRunsAreSpreadOverTheIntervalAndStableAcrossRestarts() {
        var interval = Duration.ofSeconds(30);
        var offsets = IntStream.range(0, 3_000)
                .mapToObj(i -> new ScheduledCheck("monitor-" + i, new ScriptedProbe("x", Duration.ofSeconds(1)), interval, 0).firstRunOffset())
                .toList();

        // Spread over the first 27 s, leaving slack so the first round ends within the interval.
        assertThat(offsets).allSatisfy(o -> assertThat(o).isBetween(Duration.ZERO, Duration.ofSeconds(27).minusMillis(1)));
        // Nine 3-second slices each get a share: no burst at the start.
        var perSlice = new int[9];
        offsets.forEach(o -> perSlice[(int) (o.toMillis() / 3_000)]++);
        for (int n : perSlice) assertThat(n).isBetween(3_000 / 9 - 100, 3_000 / 9 + 100);
        var again = new ScheduledCheck("monitor-7", new ScriptedProbe("y", Duration.ofSeconds(2)), interval, 1).firstRunOffset();
        assertThat(again).isEqualTo(offsets.get(7));
    }

    @Test
    void everyCheckRunsOnceWithinItsFirstIntervalAndAgainAfter() {
        var checks = IntStream.range(0, 300)
                .mapToObj(i -> new ScheduledCheck("m" + i, new ScriptedProbe("m" + i, Duration.ofSeconds(1)), Duration.ofMillis(500), 0))
                .toList();
        var registry = new SimpleMeterRegistry();
        try (var scheduler = new CheckScheduler(checkers(0), "hub", results::add, new MonitorMetrics(registry), 50)) {
            scheduler.schedule(checks);

            assertThat(HubUnderTest.await(Duration.ofSeconds(10), () -> scheduler.firstRunsPending() == 0)).isTrue();
            assertThat(HubUnderTest.await(Duration.ofSeconds(10), () -> calls.values().stream().allMatch(c -> c.get() >= 2))).isTrue();
        }
        assertThat(results).extracting(MonitorResult::vantage).containsOnly("hub");
        assertThat(registry.get("noroshi_scheduler_lag").summary().count()).isGreaterThanOrEqualTo(600);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "retries {0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource({"2, UP", "1, DOWN", "0, DOWN"})
    void retriesReCheckBeforeAFailureCounts(int retries, CheckOutcome first) {
        try (var scheduler = new CheckScheduler(checkers(2), "hub", results::add, new MonitorMetrics(new SimpleMeterRegistry()), 10)) {
            scheduler.schedule(List.of(new ScheduledCheck("flaky", new ScriptedProbe("flaky", Duration.ofSeconds(1)), Duration.ofSeconds(2), retries)));

            assertThat(HubUnderTest.await(Duration.ofSeconds(10), () -> !results.isEmpty())).isTrue();
        }
        assertThat(results.getFirst().result().outcome()).isEqualTo(first);
    }

    @Test
    void aRescheduleReplacesTheOldChecks() {
        try (var scheduler = new CheckScheduler(checkers(0), "osaka", results::add, new MonitorMetrics(new SimpleMeterRegistry()), 10)) {
            scheduler.schedule(List.of(new ScheduledCheck("old", new ScriptedProbe("old", Duration.ofSeconds(1)), Duration.ofMillis(100), 0)));
            assertThat(HubUnderTest.await(Duration.ofSeconds(10), () -> calls.containsKey("old"))).isTrue();

            scheduler.schedule(List.of(new ScheduledCheck("new", new ScriptedProbe("new", Duration.ofSeconds(1)), Duration.ofMillis(100), 0)));
            int oldCalls = calls.get("old").get();
            assertThat(HubUnderTest.await(Duration.ofSeconds(10), () -> calls.containsKey("new") && calls.get("new").get() >= 5)).isTrue();

            // At most one turn of the old check was already in flight when it was replaced.
            assertThat(calls.get("old").get()).isLessThanOrEqualTo(oldCalls + 1);
        }
    }

}
