package io.noroshi.probe.mail;

import static io.noroshi.probe.ScriptedServer.expect;
import static io.noroshi.probe.ScriptedServer.send;
import static io.noroshi.probe.ScriptedServer.startTls;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import io.noroshi.probe.FakeClock;
import io.noroshi.probe.ScriptedServer;
import io.noroshi.probe.TestCertificate;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImapCheckerTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.IMAP.createCopy("127.0.0.1").dynamicPort(),
            ServerSetupTest.IMAPS.createCopy("127.0.0.1").dynamicPort()});

    @TempDir
    static Path certificates;

    static TestCertificate mailCertificate;

    @BeforeAll
    static void issueCertificate() throws Exception {
        mailCertificate = TestCertificate.issue(certificates, "imap", "ip:127.0.0.1", null, 365);
    }

    private final ImapChecker checker = new ImapChecker(FakeClock.atSystemTime());

    @Test
    void greenMailImapIsUp() {
        CheckResult result = checker.check(ImapProbe.of("127.0.0.1", GREEN_MAIL.getImap().getPort(), MailTls.NONE));

        assertThat(result.outcome()).as(result.message()).isEqualTo(CheckOutcome.UP);
        assertThat(result.message()).isEqualTo("IMAP ready");
    }

    @Test
    void greenMailImapsWithImplicitTlsIsUp() {
        ImapProbe probe = ImapProbe.of("127.0.0.1", GREEN_MAIL.getImaps().getPort(), MailTls.IMPLICIT).withTrust(null, false);

        CheckResult result = checker.check(probe);

        assertThat(result.outcome()).as(result.message()).isEqualTo(CheckOutcome.UP);
        assertThat(result.message()).startsWith("IMAP ready over TLSv1.");
    }

    @Test
    void requiredStartTlsThatGreenMailDoesNotAdvertiseIsDown() {
        CheckResult result = checker.check(ImapProbe.of("127.0.0.1", GREEN_MAIL.getImap().getPort(), MailTls.STARTTLS));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).isEqualTo("server does not advertise STARTTLS");
    }

    @Test
    void startTlsUpgradesAndLogsOut() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(mailCertificate.serverContext(),
                send("* OK imap.test ready"), expect("a1 CAPABILITY"), send("* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED"),
                send("a1 OK done"), expect("a2 STARTTLS"), send("a2 OK begin TLS"), startTls(),
                expect("a3 LOGOUT"), send("* BYE"), send("a3 OK bye"))) {
            ImapProbe probe = ImapProbe.of("127.0.0.1", server.port(), MailTls.STARTTLS).withTrust(mailCertificate.trustStore(), true);

            CheckResult result = checker.check(probe);

            assertThat(result.outcome()).as(result.message()).isEqualTo(CheckOutcome.UP);
            assertThat(result.message()).startsWith("IMAP ready over TLSv1.");
            assertThat(server.received()).containsExactly("a1 CAPABILITY", "a2 STARTTLS", "a3 LOGOUT");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"* BYE too many connections", "* NO service unavailable", "+OK dovecot ready"})
    void greetingOtherThanOkIsDownWithTheGreetingInTheMessage(String greeting) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(null, send(greeting), expect("a3 LOGOUT"))) {
            CheckResult result = checker.check(ImapProbe.of("127.0.0.1", server.port(), MailTls.NONE));

            assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
            assertThat(result.message()).isEqualTo("expected * OK greeting, got: " + greeting);
        }
    }
}
