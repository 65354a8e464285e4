package io.noroshi.probe;

import java.io.IOException;

/**
 * The target answered, but not what its protocol promises (a 554 banner, a missing STARTTLS).
 * The message is shown to the operator as is, so it says what was expected and what came.
 */
public final class ProtocolViolation extends IOException {

    /** Longest piece of a server's reply quoted in a message; enough to recognise it, not to flood a page. */
    private static final int QUOTE_LIMIT = 120;

    public ProtocolViolation(String message) {
        super(message);
    }

    /** {@code expected 220 banner, got: 554 go away} with the reply trimmed to a readable length. */
    public static ProtocolViolation expected(String what, String reply) {
        return new ProtocolViolation("expected " + what + ", got: " + quote(reply));
    }

    public static String quote(String reply) {
        if (reply == null) {
            return "(connection closed)";
        }
        String line = reply.strip();
        return line.length() <= QUOTE_LIMIT ? line : line.substring(0, QUOTE_LIMIT) + "…";
    }
}
