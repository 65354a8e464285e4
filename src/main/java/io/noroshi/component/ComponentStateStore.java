package io.noroshi.component;

import java.util.Map;

/** Current component statuses. Components never written are operational. */
public interface ComponentStateStore {

    /** Every stored state, keyed by component id. */
    Map<String, ComponentState> all();

    /**
     * Inserts or replaces the state of {@code state.componentId()} and returns the status it replaced (operational
     * when none was stored). The old status is read under the write's lock: of several writers storing the same
     * change at once (two hubs on one PostgreSQL), exactly one sees the old status, the others see the new one.
     */
    ComponentStatus put(ComponentState state);
}
