package io.noroshi.admin;

import io.noroshi.component.ComponentStatus;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;

/**
 * Wire names spelled out in English ({@code partial_outage} → "Partial outage"), for the command line and as the
 * last resort of {@link AdminText#words}. Admin pages take their status and impact names from {@link AdminText},
 * in the operator's language.
 */
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
