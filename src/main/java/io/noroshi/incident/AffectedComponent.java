package io.noroshi.incident;

import io.noroshi.component.ComponentStatus;

/** A component an update changed, with its status before and after. */
public record AffectedComponent(String componentId, ComponentStatus oldStatus, ComponentStatus newStatus) {
}
