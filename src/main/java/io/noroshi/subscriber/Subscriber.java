package io.noroshi.subscriber;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Someone who asked to be told: by e-mail or at a webhook URL, in one language, about every component or some.
 *
 * @param components the component ids it follows; empty means all
 * @param generation bumped when earlier links must stop working (a change of address, leaving and coming back)
 */
public record Subscriber(String id, Kind kind, String address, String lang, List<String> components, State state, int generation,
                         Instant createdAt, Optional<Instant> confirmedAt) {

    public Subscriber {
        components = List.copyOf(components);
    }

    public enum Kind {
        EMAIL, WEBHOOK;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum State {
        PENDING, CONFIRMED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
