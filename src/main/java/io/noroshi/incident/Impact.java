package io.noroshi.incident;

import java.util.Locale;

/** How bad an incident is for customers, in the Statuspage vocabulary. */
public enum Impact {
    NONE, MINOR, MAJOR, CRITICAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Impact fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
