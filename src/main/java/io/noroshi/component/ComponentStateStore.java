package io.noroshi.component;

import java.util.Map;

/** Current component statuses. Components never written are operational. */
public interface ComponentStateStore {

    /** Every stored state, keyed by component id. */
    Map<String, ComponentState> all();

    /** Inserts or replaces the state of {@code state.componentId()}. */
    void put(ComponentState state);
}
