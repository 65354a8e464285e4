package io.noroshi.admin;

import io.noroshi.component.ComponentStatus;

/** A component an update or override sets to {@code status}. */
public record ComponentChange(String componentId, ComponentStatus status) {
}
