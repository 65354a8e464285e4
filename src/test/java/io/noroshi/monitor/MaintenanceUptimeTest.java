package io.noroshi.monitor;

import static io.noroshi.monitor.Monitors.result;
import static io.noroshi.probe.CheckOutcome.DOWN;
import static io.noroshi.probe.CheckOutcome.UP;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.noroshi.admin.ComponentStatuses;
import io.noroshi.component.ComponentState;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.ConfigLoader;
import io.noroshi.uptime.DailyUptime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding 5 of issue 10: minutes inside a maintenance window count as maintenance in the uptime bars, not as outage. */
class MaintenanceUptimeTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(10);

    @Test
    void anOutageDuringMaintenanceCountsAsMaintenanceAndAfterItAsOutage() {
        var config = new ConfigLoader().parse("noroshi.yaml", "page: {name: Acme}\ncomponents: [{id: web}]\n");
        var monitor = Monitors.tcp("www", "web", List.of("hub"), INTERVAL);
        var states = new InMemoryStores.ComponentStates();
        var store = new InMemoryStores.Uptime();
        var uptime = new UptimeTracker(store, ZoneOffset.UTC);
        var events = new InHubEvents();
        var engine = new MonitorEngine(List.of(monitor), events, new MonitorMetrics(new SimpleMeterRegistry()), r -> { });
        var components = new ComponentVerdicts(List.of(monitor), engine::verdict, states, uptime, () -> { });
        events.subscribe(components::onChange);
        var people = new ComponentStatuses(config, states, components);

        engine.judge(result("www", "hub", UP, T0));
        engine.judge(result("www", "hub", UP, T0.plusSeconds(10))); // UP from T0 + 10 s
        people.put(new ComponentState("web", ComponentStatus.UNDER_MAINTENANCE, T0.plusSeconds(60), true)); // maintenance starts
        for (int s = 120; s <= 300; s += 10) engine.judge(result("www", "hub", DOWN, T0.plusSeconds(s))); // DOWN from T0 + 130 s
        people.put(new ComponentState("web", ComponentStatus.OPERATIONAL, T0.plusSeconds(300), false)); // maintenance completed
        uptime.flush(T0.plusSeconds(400));

        DailyUptime day = store.day("web", LocalDate.of(2026, 3, 1));
        assertThat(day.operationalSeconds()).isEqualTo(50);
        assertThat(day.maintenanceSeconds()).as("the whole window").isEqualTo(240);
        assertThat(day.outageSeconds()).as("only after the window").isEqualTo(100);
        assertThat(states.all().get("web").status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
    }
}
