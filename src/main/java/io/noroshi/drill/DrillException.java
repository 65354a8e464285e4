package io.noroshi.drill;

/** A drill step or its setup could not be done; the message says what, for the operator. */
public final class DrillException extends RuntimeException {

    public DrillException(String message) {
        super(message);
    }
}
