package io.noroshi.probe.mail;

import io.noroshi.probe.CheckResult;
import io.noroshi.probe.Checker;
import io.noroshi.probe.ProbeRun;
import io.noroshi.probe.ProtocolViolation;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Greeting ({@code * OK}), STARTTLS when asked, LOGOUT. Never logs in: probes hold no mailbox passwords. */
public final class ImapChecker implements Checker<ImapProbe> {

    /** Untagged lines tolerated before a tagged answer; a CAPABILITY reply has one or two. */
    private static final int MAX_UNTAGGED = 50;

    private final InstantSource clock;

    public ImapChecker(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public CheckResult check(ImapProbe probe) {
        ProbeRun run = ProbeRun.start(clock);
        try (MailConversation imap = MailConversation.open(probe)) {
            String greeting = imap.readLine();
            // PREAUTH is a valid (if unusual) greeting; BYE or anything else means no service.
            if (greeting == null || !(startsWithIgnoreCase(greeting, "* OK") || startsWithIgnoreCase(greeting, "* PREAUTH"))) {
                throw ProtocolViolation.expected("* OK greeting", greeting);
            }
            if (probe.tls() == MailTls.STARTTLS) {
                List<String> capabilities = command(imap, "a1", "CAPABILITY");
                boolean advertised = capabilities.stream()
                        .anyMatch(line -> (" " + line.toUpperCase(Locale.ROOT) + " ").contains(" STARTTLS "));
                if (!advertised) {
                    throw new ProtocolViolation("server does not advertise STARTTLS");
                }
                command(imap, "a2", "STARTTLS");
                imap.upgradeToTls();
            }
            imap.leave("a3 LOGOUT");
            return run.up(imap.tlsVersion() == null ? "IMAP ready" : "IMAP ready over " + imap.tlsVersion());
        } catch (Exception e) {
            return run.failed(e, probe.timeout());
        }
    }

    /** Sends a tagged command; returns its untagged lines when the tagged answer is OK. */
    private static List<String> command(MailConversation imap, String tag, String command) throws IOException {
        imap.send(tag + " " + command);
        List<String> untagged = new ArrayList<>();
        while (untagged.size() <= MAX_UNTAGGED) {
            String line = imap.readLine();
            if (line == null) {
                throw ProtocolViolation.expected(tag + " OK to " + command, null);
            }
            if (line.startsWith(tag + " ")) {
                if (!startsWithIgnoreCase(line.substring(tag.length() + 1), "OK")) {
                    throw ProtocolViolation.expected("OK to " + command, line);
                }
                return untagged;
            }
            untagged.add(line);
        }
        throw new ProtocolViolation("no tagged answer to " + command + " after " + MAX_UNTAGGED + " lines");
    }

    private static boolean startsWithIgnoreCase(String line, String prefix) {
        return line.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
