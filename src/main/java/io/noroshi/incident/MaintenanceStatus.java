package io.noroshi.incident;

import java.util.Locale;

/** Where a scheduled maintenance stands; which status may follow which is {@link MaintenanceLifecycle}'s. */
public enum MaintenanceStatus {
    SCHEDULED, IN_PROGRESS, VERIFYING, COMPLETED, CANCELLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isActive() {
        return this == IN_PROGRESS || this == VERIFYING;
    }

    /** Completed or cancelled: nothing may follow. */
    public boolean isClosed() {
        return this == COMPLETED || this == CANCELLED;
    }

    public static MaintenanceStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
