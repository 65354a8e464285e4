package io.noroshi.probe.mail;

import io.noroshi.probe.CheckResult;
import io.noroshi.probe.Checker;
import io.noroshi.probe.ProbeRun;
import io.noroshi.probe.ProtocolViolation;
import java.io.IOException;
import java.time.InstantSource;

/** Greeting ({@code +OK}), STLS when asked (after CAPA lists it), QUIT. Never logs in. */
public final class Pop3Checker implements Checker<Pop3Probe> {

    /** A CAPA list is a dozen lines; stop reading long before a hostile server fills memory. */
    private static final int MAX_CAPABILITIES = 100;

    private final InstantSource clock;

    public Pop3Checker(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public CheckResult check(Pop3Probe probe) {
        ProbeRun run = ProbeRun.start(clock);
        try (MailConversation pop3 = MailConversation.open(probe)) {
            expectOk(pop3.readLine(), "+OK greeting");
            if (probe.tls() == MailTls.STARTTLS) {
                pop3.send("CAPA");
                expectOk(pop3.readLine(), "+OK to CAPA");
                if (!capabilitiesInclude(pop3, "STLS")) {
                    throw new ProtocolViolation("server does not advertise STLS");
                }
                pop3.send("STLS");
                expectOk(pop3.readLine(), "+OK to STLS");
                pop3.upgradeToTls();
            }
            pop3.leave("QUIT");
            return run.up(pop3.tlsVersion() == null ? "POP3 ready" : "POP3 ready over " + pop3.tlsVersion());
        } catch (Exception e) {
            return run.failed(e, probe.timeout());
        }
    }

    private static void expectOk(String line, String what) throws ProtocolViolation {
        if (line == null || !line.startsWith("+OK")) {
            throw ProtocolViolation.expected(what, line);
        }
    }

    /** Reads the CAPA list up to its terminating "." line. */
    private static boolean capabilitiesInclude(MailConversation pop3, String capability) throws IOException {
        boolean found = false;
        for (int i = 0; i < MAX_CAPABILITIES; i++) {
            String line = pop3.readLine();
            if (line == null) {
                throw ProtocolViolation.expected("CAPA list ending in '.'", null);
            }
            if (line.equals(".")) {
                return found;
            }
            found |= line.strip().split(" ", 2)[0].equalsIgnoreCase(capability);
        }
        throw new ProtocolViolation("CAPA list longer than " + MAX_CAPABILITIES + " lines");
    }
}
