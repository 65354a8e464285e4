package io.noroshi.account;

/** No credentials, or credentials that are wrong, expired or revoked (HTTP 401). */
public final class NotAuthenticated extends RuntimeException {
    public NotAuthenticated(String message) {
        super(message);
    }
}
