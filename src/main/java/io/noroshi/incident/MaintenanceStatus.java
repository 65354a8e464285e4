package io.noroshi.incident;

import java.util.Locale;

/** Where a scheduled maintenance stands. */
public enum MaintenanceStatus {
    SCHEDULED, IN_PROGRESS, VERIFYING, COMPLETED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isActive() {
        return this == IN_PROGRESS || this == VERIFYING;
    }

    public static MaintenanceStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
