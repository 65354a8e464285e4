package io.noroshi.admin;

import java.util.List;

/**
 * A change that does not fit where the target stands, e.g. an update to a resolved incident or
 * starting a completed maintenance (HTTP 409, naming the current state and the steps allowed).
 *
 * @param current the target's state as stored, empty when the refusal is not about a lifecycle
 * @param allowed the steps that may follow {@code current}
 */
public final class InvalidTransition extends RuntimeException {

    private final String current;
    private final List<String> allowed;

    public InvalidTransition(String message) {
        this(message, "", List.of());
    }

    public InvalidTransition(String message, String current, List<String> allowed) {
        super(message);
        this.current = current;
        this.allowed = List.copyOf(allowed);
    }

    public String current() {
        return current;
    }

    public List<String> allowed() {
        return allowed;
    }
}
