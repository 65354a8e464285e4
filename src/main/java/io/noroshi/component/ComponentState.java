package io.noroshi.component;

import java.time.Instant;
import java.util.Objects;

/**
 * The current status of one component and where it came from.
 *
 * @param componentId the component's id from noroshi.yaml
 * @param status      what the page shows
 * @param updatedAt   when the status last changed
 * @param overridden  true when an operator set it by hand (it then wins over monitors)
 */
public record ComponentState(String componentId, ComponentStatus status, Instant updatedAt, boolean overridden) {
    public ComponentState {
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
