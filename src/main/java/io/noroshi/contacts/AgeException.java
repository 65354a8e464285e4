package io.noroshi.contacts;

/**
 * An age file cannot be decrypted (or a key cannot be read); the message says why in words an
 * operator can act on: not an age file, no key matches, tampered header, tampered or cut payload.
 */
public final class AgeException extends RuntimeException {

    /** Which stage refused the file, as the age test vectors distinguish them. */
    public enum Stage { KEY, HEADER, NO_MATCH, HEADER_MAC, PAYLOAD }

    private final Stage stage;

    public AgeException(Stage stage, String message) {
        super(message);
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }
}
