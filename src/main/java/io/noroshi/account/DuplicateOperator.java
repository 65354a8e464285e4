package io.noroshi.account;

/** An operator with this email exists already. */
public final class DuplicateOperator extends RuntimeException {
    public DuplicateOperator(String email) {
        super("an operator with email " + email + " exists already");
    }
}
