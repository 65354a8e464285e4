package io.noroshi.account;

import java.time.Instant;

/** A logged-in browser: the hash of its cookie, its operator, its CSRF token and when it ends. */
public record Session(String idHash, String operatorId, String csrfToken, Instant createdAt, Instant expiresAt) {
    @Override
    public String toString() {
        return "Session[operator=" + operatorId + ", expiresAt=" + expiresAt + "]";
    }
}
