package io.noroshi.audit;

/** Input the audit cannot work with (a bad domain name, an unreadable file); the message says which and why. */
public final class AuditInputException extends RuntimeException {
    public AuditInputException(String message) {
        super(message);
    }
}
