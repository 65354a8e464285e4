package io.noroshi.monitor;

import io.noroshi.component.ComponentHandBack;
import io.noroshi.component.ComponentState;
import io.noroshi.component.ComponentStateStore;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Monitor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives a component's status from the verdicts of its monitors, on every verdict change:
 * all known monitors down is a major outage, some down a partial one, any degraded is degraded
 * performance, else operational. Monitors without data do not count; when none of a component's
 * monitors has data, its last status is kept but marked "monitoring unavailable", so the page says
 * so instead of claiming it is operational. A status an operator set by hand ({@code overridden})
 * is never changed; when people hand a component back ({@link #handBack}), it takes what the
 * monitors say at that moment.
 */
public final class ComponentVerdicts implements ComponentHandBack {

    private static final Logger log = LoggerFactory.getLogger(ComponentVerdicts.class);
    private static final String UNAVAILABLE = "monitoring_unavailable";

    private final Map<String, List<String>> monitorsByComponent = new LinkedHashMap<>();
    private final Map<String, String> componentByMonitor = new LinkedHashMap<>();
    /** What was last derived per component: the store is read only when that changes (it changes rarely). */
    private final Map<String, String> lastDerived = new java.util.concurrent.ConcurrentHashMap<>();
    private final Function<String, Verdict> verdicts;
    private final ComponentStateStore states;
    private final UptimeTracker uptime;
    private final Runnable refresh;

    /**
     * @param verdicts the current verdict of a monitor by id
     * @param refresh  asks for the public site to be re-rendered
     */
    public ComponentVerdicts(List<Monitor> monitors, Function<String, Verdict> verdicts, ComponentStateStore states,
                             UptimeTracker uptime, Runnable refresh) {
        for (Monitor m : monitors) {
            m.component().ifPresent(c -> {
                monitorsByComponent.computeIfAbsent(c, k -> new ArrayList<>()).add(m.id());
                componentByMonitor.put(m.id(), c);
            });
        }
        this.verdicts = verdicts;
        this.states = states;
        this.uptime = uptime;
        this.refresh = refresh;
    }

    /** Subscriber for {@link MonitorEvents}. */
    public void onChange(VerdictChange change) {
        String component = componentByMonitor.get(change.monitorId());
        if (component == null) return;
        // The changed monitor's verdict is the change's (a correction of the past is not its verdict now); the others' are current.
        Optional<ComponentStatus> derived = derive(monitorsByComponent.get(component).stream()
                .map(id -> id.equals(change.monitorId()) ? change.to() : verdicts.apply(id)).toList());
        ComponentState stored = states.all().get(component);
        // Minutes inside a maintenance window count as maintenance, whatever the monitors see.
        uptime.observe(component, inMaintenance(stored) ? ComponentStatus.UNDER_MAINTENANCE : derived.orElse(null), change.at());
        String key = derived.map(ComponentStatus::wire).orElse(UNAVAILABLE);
        if (key.equals(lastDerived.put(component, key))) return;
        if (stored != null && stored.overridden()) {
            log.info("component override kept component={} derived={} shown={}", component, key, stored.status().wire());
            return;
        }
        ComponentStatus shown = derived.orElse(stored == null ? ComponentStatus.OPERATIONAL : stored.status());
        if (stored != null && stored.status() == shown && stored.monitoringUnavailable() == derived.isEmpty()) return;
        states.put(new ComponentState(component, shown, change.at(), false, derived.isEmpty()));
        if (derived.isEmpty()) {
            // The team learns of it here until notification routes exist (issue: notifications).
            log.warn("component monitoring unavailable component={} monitor={}", component, change.monitorId());
        } else {
            log.info("component status component={} status={} monitor={}", component, key, change.monitorId());
        }
        refresh.run();
    }

    @Override
    public ComponentState handBack(String componentId, Instant at) {
        List<String> monitors = monitorsByComponent.get(componentId);
        if (monitors == null) return ComponentHandBack.OPERATIONAL.handBack(componentId, at);
        Optional<ComponentStatus> derived = derive(monitors.stream().map(verdicts).toList());
        uptime.observe(componentId, derived.orElse(null), at); // a maintenance may end here
        return new ComponentState(componentId, derived.orElse(ComponentStatus.OPERATIONAL), at, false, derived.isEmpty());
    }

    @Override
    public void setByPeople(ComponentState state) {
        if (monitorsByComponent.containsKey(state.componentId()) && inMaintenance(state)) {
            uptime.observe(state.componentId(), ComponentStatus.UNDER_MAINTENANCE, state.updatedAt());
        }
    }

    private static boolean inMaintenance(ComponentState state) {
        return state != null && state.overridden() && state.status() == ComponentStatus.UNDER_MAINTENANCE;
    }

    /** The status several monitor verdicts amount to; empty when none of them knows anything. */
    static Optional<ComponentStatus> derive(List<Verdict> verdicts) {
        long known = verdicts.stream().filter(v -> v != Verdict.NO_DATA).count();
        long down = verdicts.stream().filter(v -> v == Verdict.DOWN).count();
        if (known == 0) return Optional.empty();
        if (down > 0) return Optional.of(down == known ? ComponentStatus.MAJOR_OUTAGE : ComponentStatus.PARTIAL_OUTAGE);
        if (verdicts.contains(Verdict.DEGRADED)) return Optional.of(ComponentStatus.DEGRADED_PERFORMANCE);
        return Optional.of(ComponentStatus.OPERATIONAL);
    }
}
