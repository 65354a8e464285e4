package io.noroshi.monitor;

import static io.noroshi.monitor.Monitors.result;
import static io.noroshi.probe.CheckOutcome.DOWN;
import static io.noroshi.probe.CheckOutcome.UP;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.noroshi.component.ComponentState;
import io.noroshi.component.ComponentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComponentVerdictsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    private final InMemoryStores.ComponentStates states = new InMemoryStores.ComponentStates();
    private final AtomicInteger refreshes = new AtomicInteger();

    private MonitorEngine wired(io.noroshi.config.Monitor... monitors) {
        var events = new InHubEvents();
        var engine = new MonitorEngine(List.of(monitors), events, new MonitorMetrics(new SimpleMeterRegistry()), r -> { });
        var components = new ComponentVerdicts(List.of(monitors), engine::verdict, states,
                new UptimeTracker(new InMemoryStores.Uptime(), ZoneOffset.UTC), refreshes::incrementAndGet);
        events.subscribe(components::onChange);
        return engine;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "DOWN, MAJOR_OUTAGE", "DOWN DOWN, MAJOR_OUTAGE", "DOWN UP, PARTIAL_OUTAGE", "DOWN NO_DATA, MAJOR_OUTAGE",
            "DEGRADED UP, DEGRADED_PERFORMANCE", "DOWN DEGRADED, PARTIAL_OUTAGE", "UP UP, OPERATIONAL", "UP NO_DATA, OPERATIONAL"})
    void statusIsTheWorstOfTheMonitors(String verdicts, ComponentStatus expected) {
        var list = Arrays.stream(verdicts.split(" ")).map(Verdict::valueOf).toList();

        assertThat(ComponentVerdicts.derive(list)).contains(expected);
    }

    @Test
    void noDataFromAnyMonitorLeavesTheStatusAlone() {
        assertThat(ComponentVerdicts.derive(List.of(Verdict.NO_DATA, Verdict.NO_DATA))).isEmpty();
    }

    @Test
    void aConfirmedOutageSetsTheComponentAndRefreshesThePage() {
        var engine = wired(Monitors.tcp("web-http", "web", List.of("hub"), INTERVAL));
        for (int n = 0; n < 2; n++) engine.judge(result("web-http", "hub", UP, T0.plus(INTERVAL.multipliedBy(n))));
        assertThat(states.all().get("web").status()).isEqualTo(ComponentStatus.OPERATIONAL);

        for (int n = 2; n < 4; n++) engine.judge(result("web-http", "hub", DOWN, T0.plus(INTERVAL.multipliedBy(n))));

        assertThat(states.all().get("web")).isEqualTo(new ComponentState("web", ComponentStatus.MAJOR_OUTAGE, T0.plus(INTERVAL.multipliedBy(3)), false));
        assertThat(refreshes).hasValue(2);
    }

    @Test
    void oneOfTwoMonitorsDownIsAPartialOutage() {
        var engine = wired(Monitors.tcp("smtp", "mail", List.of("hub"), INTERVAL), Monitors.tcp("imap", "mail", List.of("hub"), INTERVAL));
        for (int n = 0; n < 2; n++) {
            engine.judge(result("smtp", "hub", DOWN, T0.plus(INTERVAL.multipliedBy(n))));
            engine.judge(result("imap", "hub", UP, T0.plus(INTERVAL.multipliedBy(n))));
        }

        assertThat(states.all().get("mail").status()).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
    }

    @Test
    void anOperatorOverrideWinsOverMonitors() {
        var override = new ComponentState("web", ComponentStatus.UNDER_MAINTENANCE, T0.minusSeconds(60), true);
        states.put(override);
        var engine = wired(Monitors.tcp("web-http", "web", List.of("hub"), INTERVAL));

        for (int n = 0; n < 4; n++) engine.judge(result("web-http", "hub", DOWN, T0.plus(INTERVAL.multipliedBy(n))));

        assertThat(engine.verdict("web-http")).isEqualTo(Verdict.DOWN);
        assertThat(states.all().get("web")).isEqualTo(override);
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void monitorsWithoutAComponentChangeNoStatus() {
        var engine = wired(Monitors.tcp("lonely", null, List.of("hub"), INTERVAL));

        for (int n = 0; n < 3; n++) engine.judge(result("lonely", "hub", DOWN, T0.plus(INTERVAL.multipliedBy(n))));

        assertThat(engine.verdict("lonely")).isEqualTo(Verdict.DOWN);
        assertThat(states.all()).isEmpty();
        assertThat(Optional.ofNullable(states.all().get("lonely"))).isEmpty();
    }
}
