package io.noroshi.account;

/** Known caller, but not allowed: a token without the scope, a form without its CSRF token (HTTP 403). */
public final class NotPermitted extends RuntimeException {
    public NotPermitted(String message) {
        super(message);
    }
}
