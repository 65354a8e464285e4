package io.noroshi.component;

import java.time.Instant;
import java.util.Objects;

/**
 * The current status of one component and where it came from.
 *
 * @param componentId            the component's id from noroshi.yaml
 * @param status                 what the page shows (its last known status while monitoring is unavailable)
 * @param updatedAt              when the status last changed
 * @param overridden             true when an operator set it by hand (it then wins over monitors)
 * @param monitoringUnavailable  true when every monitor of the component has no data: the page says so
 *                               instead of claiming it is operational
 */
public record ComponentState(String componentId, ComponentStatus status, Instant updatedAt, boolean overridden,
                             boolean monitoringUnavailable) {
    public ComponentState {
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public ComponentState(String componentId, ComponentStatus status, Instant updatedAt, boolean overridden) {
        this(componentId, status, updatedAt, overridden, false);
    }
}
