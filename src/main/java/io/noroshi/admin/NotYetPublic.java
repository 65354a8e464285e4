package io.noroshi.admin;

/**
 * A change was stored, but the public site does not show it: rendering or publishing the snapshot
 * failed. The hub keeps retrying; the change becomes public with the first render that succeeds.
 * Answered as 503 with a JSON body, and shown on the admin pages, so an operator never believes
 * the public can read what it cannot.
 */
public final class NotYetPublic extends RuntimeException {

    public NotYetPublic(Throwable cause) {
        super("the change is stored but not yet public: publishing the status page failed (" + describe(cause)
                + "); the hub retries and it becomes public with the next render that succeeds", cause);
    }

    /** The same failure, thrown again on another writer's thread (whose stack it then shows). */
    NotYetPublic(NotYetPublic shared) {
        super(shared.getMessage(), shared.getCause());
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
