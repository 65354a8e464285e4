package io.noroshi.probe.mail;

import io.noroshi.probe.CheckResult;
import io.noroshi.probe.Checker;
import io.noroshi.probe.ProbeRun;
import io.noroshi.probe.ProtocolViolation;
import java.io.IOException;
import java.time.InstantSource;

/** Banner, EHLO, STARTTLS when asked, QUIT: what a sending server would see, minus the mail. */
public final class SmtpChecker implements Checker<SmtpProbe> {

    private final InstantSource clock;

    public SmtpChecker(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public CheckResult check(SmtpProbe probe) {
        ProbeRun run = ProbeRun.start(clock);
        try (MailConversation smtp = MailConversation.open(probe)) {
            expect(SmtpReply.read(smtp, "220 banner"), 220, "220 banner");
            SmtpReply ehlo = ehlo(smtp, probe);
            if (probe.tls() == MailTls.STARTTLS) {
                if (!ehlo.advertises("STARTTLS")) {
                    throw new ProtocolViolation("server does not advertise STARTTLS");
                }
                smtp.send("STARTTLS");
                expect(SmtpReply.read(smtp, "220 reply to STARTTLS"), 220, "220 reply to STARTTLS");
                smtp.upgradeToTls();
                // RFC 3207: the session starts over after TLS, so greet again.
                ehlo(smtp, probe);
            }
            smtp.leave("QUIT");
            return run.up(smtp.tlsVersion() == null ? "SMTP ready" : "SMTP ready over " + smtp.tlsVersion());
        } catch (Exception e) {
            return run.failed(e, probe.timeout());
        }
    }

    private static SmtpReply ehlo(MailConversation smtp, SmtpProbe probe) throws IOException {
        smtp.send("EHLO " + probe.ehloName());
        return expect(SmtpReply.read(smtp, "250 reply to EHLO"), 250, "250 reply to EHLO");
    }

    private static SmtpReply expect(SmtpReply reply, int code, String what) throws ProtocolViolation {
        if (reply.code() != code) {
            throw ProtocolViolation.expected(what, reply.text());
        }
        return reply;
    }
}
