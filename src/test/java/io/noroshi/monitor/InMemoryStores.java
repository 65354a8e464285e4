package io.noroshi.monitor;

import io.noroshi.component.ComponentState;
import io.noroshi.component.ComponentStateStore;
import io.noroshi.component.ComponentStatus;
import io.noroshi.uptime.DailyUptime;
import io.noroshi.uptime.UptimeStore;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Hand-written fakes of the component and uptime stores, for engine tests without a database. */
final class InMemoryStores {

    static final class ComponentStates implements ComponentStateStore {
        final Map<String, ComponentState> states = new ConcurrentHashMap<>();

        @Override
        public Map<String, ComponentState> all() {
            return Map.copyOf(states);
        }

        @Override
        public ComponentStatus put(ComponentState state) {
            ComponentState before = states.put(state.componentId(), state);
            return before == null ? ComponentStatus.OPERATIONAL : before.status();
        }
    }

    static final class Uptime implements UptimeStore {
        final Map<String, DailyUptime> days = new ConcurrentHashMap<>();

        @Override
        public void put(DailyUptime day) {
            days.put(day.componentId() + "/" + day.day(), day);
        }

        @Override
        public List<DailyUptime> since(LocalDate from) {
            return days.values().stream().filter(d -> !d.day().isBefore(from))
                    .sorted(Comparator.comparing(DailyUptime::componentId).thenComparing(DailyUptime::day)).toList();
        }

        DailyUptime day(String component, LocalDate day) {
            return days.get(component + "/" + day);
        }
    }

    private InMemoryStores() {
    }
}
