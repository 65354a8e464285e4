package io.noroshi.account;

import java.util.Locale;

/**
 * What an API token may do. Each scope includes the ones before it: {@code admin} can do what
 * {@code incidents} can, which can do what {@code read} can.
 */
public enum Scope {
    /** List and read incidents, maintenance, components. */
    READ,
    /** Also open, update and resolve incidents; schedule and run maintenance; override components. */
    INCIDENTS,
    /** Also manage tokens and operators and read the audit log. */
    ADMIN;

    public boolean allows(Scope needed) {
        return compareTo(needed) >= 0;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Scope fromWire(String value) {
        for (Scope scope : values()) {
            if (scope.wire().equals(value)) return scope;
        }
        throw new IllegalArgumentException("scope must be one of read, incidents, admin, not '" + value + "'");
    }
}
