package io.noroshi.audit.network;

/** An ASN database that cannot be used; the message names the file and, for a text file, the line. */
public final class AsnDatabaseException extends RuntimeException {
    public AsnDatabaseException(String message) {
        super(message);
    }
}
