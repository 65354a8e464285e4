package io.noroshi.account;

/** An email or password that breaks the rules; names the field. */
public final class InvalidAccount extends RuntimeException {
    private final String field;

    public InvalidAccount(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
