package io.noroshi.mirror;

/** A mirror cannot be read or written; the message names the mirror and what to check. */
public class MirrorException extends RuntimeException {

    public MirrorException(String message) {
        super(message);
    }

    public MirrorException(String message, Throwable cause) {
        super(message, cause);
    }
}
