package io.noroshi.account;

import java.time.Duration;

/** Too many failed logins from this address or for this account (HTTP 429 with Retry-After). */
public final class TooManyAttempts extends RuntimeException {
    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super("too many failed logins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
