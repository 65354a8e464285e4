package io.noroshi.admin;

/** A change that does not fit where the target stands, e.g. starting a completed maintenance (HTTP 409). */
public final class InvalidTransition extends RuntimeException {
    public InvalidTransition(String message) {
        super(message);
    }
}
