package io.noroshi.incident;

import java.util.Locale;

/** Where an incident stands; maintenance uses {@link MaintenanceStatus}. */
public enum IncidentStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED, POSTMORTEM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isClosed() {
        return this == RESOLVED || this == POSTMORTEM;
    }

    public static IncidentStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
