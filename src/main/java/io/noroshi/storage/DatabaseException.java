package io.noroshi.storage;

/**
 * The database could not be opened or migrated. The message says what failed and where, in words
 * an operator can act on (a path, a host:port/db, never a password).
 */
public final class DatabaseException extends RuntimeException {

    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
