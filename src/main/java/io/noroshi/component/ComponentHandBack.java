package io.noroshi.component;

import java.time.Instant;

/**
 * What a component handed back by people (an incident resolved with it operational, a maintenance
 * completed, an override cleared) shows: what its monitors say now, not "operational" until their
 * next change. Implemented by the monitor engine.
 */
public interface ComponentHandBack {

    /** Hands every component back as operational: for hubs without monitors. */
    ComponentHandBack OPERATIONAL = (componentId, at) -> new ComponentState(componentId, ComponentStatus.OPERATIONAL, at, false);

    /**
     * @return the state {@code componentId} takes at {@code at} once handed back: not overridden, with
     *         its monitors' current status (operational when no monitor feeds it)
     */
    ComponentState handBack(String componentId, Instant at);

    /** A person set {@code state} (an override, a maintenance started): its monitors' uptime counts maintenance as maintenance. */
    default void setByPeople(ComponentState state) {
    }
}
