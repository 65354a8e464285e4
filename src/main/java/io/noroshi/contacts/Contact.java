package io.noroshi.contacts;

import java.util.List;

/**
 * One person to reach when the hub is gone: an on-call responder or a subscriber. Empty strings
 * for what is not known.
 *
 * @param kind       "on-call" or "subscriber"
 * @param lang       a subscriber's language ({@code en}, {@code ja}), else empty
 * @param components the components a subscriber chose (empty: all of them)
 */
public record Contact(String kind, String name, String role, String email, String phone, String lang, List<String> components) {

    public Contact {
        components = List.copyOf(components);
    }

    /** A contact without a language or a scope: an on-call responder. */
    public Contact(String kind, String name, String role, String email, String phone) {
        this(kind, name, role, email, phone, "", List.of());
    }
}
