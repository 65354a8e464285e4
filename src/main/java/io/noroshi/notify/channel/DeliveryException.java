package io.noroshi.notify.channel;

import java.time.Duration;
import java.util.Optional;

/**
 * A send that did not succeed. The message must never contain a secret (token, password, signed URL) nor a
 * recipient's address: it is kept in the delivery log and shown to operators.
 */
public final class DeliveryException extends Exception {

    private final boolean retryable;
    private final Duration retryAfter;

    private DeliveryException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause, false, false);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** Worth trying again later: a timeout, a refused connection, a 5xx, a 429. */
    public static DeliveryException retryable(String message, Optional<Duration> retryAfter, Throwable cause) {
        return new DeliveryException(message, true, retryAfter.orElse(null), cause);
    }

    /** Will fail the same way every time: a 4xx other than 408/429, a rejected recipient. */
    public static DeliveryException permanent(String message, Throwable cause) {
        return new DeliveryException(message, false, null, cause);
    }

    public boolean retryable() {
        return retryable;
    }

    /** The service's {@code Retry-After}, when it gave one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
