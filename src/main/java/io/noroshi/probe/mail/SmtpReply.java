package io.noroshi.probe.mail;

import io.noroshi.probe.ProtocolViolation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One SMTP reply, possibly several lines ({@code 250-PIPELINING} ... {@code 250 HELP}).
 *
 * @param code  the three-digit reply code
 * @param lines the text after the code on each line
 */
record SmtpReply(int code, List<String> lines) {

    /** EHLO replies list a few dozen extensions at most; more means the server is not SMTP. */
    private static final int MAX_LINES = 100;

    /** Reads one whole reply; {@code expected} words the violation when the reply is not SMTP. */
    static SmtpReply read(MailConversation conversation, String expected) throws IOException {
        List<String> lines = new ArrayList<>();
        int code = -1;
        while (lines.size() < MAX_LINES) {
            String line = conversation.readLine();
            if (line == null || line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)) {
                throw ProtocolViolation.expected(expected, lines.isEmpty() ? line : String.join(" ", lines));
            }
            code = Integer.parseInt(line.substring(0, 3));
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) != '-') {
                return new SmtpReply(code, List.copyOf(lines));
            }
        }
        throw new ProtocolViolation("SMTP reply longer than " + MAX_LINES + " lines");
    }

    /** Whether an EHLO reply lists {@code extension} (case-insensitive, parameters ignored). */
    boolean advertises(String extension) {
        // The first line is the server's greeting, not an extension.
        return lines.stream().skip(1)
                .map(l -> l.strip().split(" ", 2)[0].toUpperCase(Locale.ROOT))
                .anyMatch(extension::equals);
    }

    /** The reply as the server sent it, for messages: {@code 554 no service here}. */
    String text() {
        return code + " " + String.join(" / ", lines);
    }
}
