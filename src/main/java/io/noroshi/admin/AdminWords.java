package io.noroshi.admin;

import io.noroshi.component.ComponentStatus;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;

/** Status and impact names as an operator reads them on admin pages ("Degraded performance", not {@code degraded_performance}). */
public final class AdminWords {

    private AdminWords() {
    }

    public static String status(ComponentStatus status) {
        return words(status.wire());
    }

    public static String status(IncidentStatus status) {
        return words(status.wire());
    }

    public static String impact(Impact impact) {
        return words(impact.wire());
    }

    /** A wire name in words: {@code partial_outage} → {@code Partial outage}. */
    public static String words(String wire) {
        if (wire == null || wire.isEmpty()) return "";
        String spaced = wire.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
