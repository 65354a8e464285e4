package io.noroshi.component;

import java.util.Locale;

/** A component's status as the Statuspage format names it, from best to worst (maintenance aside). */
public enum ComponentStatus {
    OPERATIONAL, DEGRADED_PERFORMANCE, PARTIAL_OUTAGE, MAJOR_OUTAGE, UNDER_MAINTENANCE;

    /** The wire name: {@code operational}, {@code degraded_performance}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ComponentStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
