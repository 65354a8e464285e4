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

class Pop3CheckerTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.POP3.createCopy("127.0.0.1").dynamicPort(),
            ServerSetupTest.POP3S.createCopy("127.0.0.1").dynamicPort()});

    @TempDir
    static Path certificates;

    static TestCertificate mailCertificate;

    @BeforeAll
    static void issueCertificate() throws Exception {
        mailCertificate = TestCertificate.issue(certificates, "pop3", "ip:127.0.0.1", null, 365);
    }

    private final Pop3Checker checker = new Pop3Checker(FakeClock.atSystemTime());

    @Test
    void greenMailPop3IsUp() {
        CheckResult result = checker.check(Pop3Probe.of("127.0.0.1", GREEN_MAIL.getPop3().getPort(), MailTls.NONE));

        assertThat(result.outcome()).as(result.message()).isEqualTo(CheckOutcome.UP);
        assertThat(result.message()).isEqualTo("POP3 ready");
    }

    @Test
    void greenMailPop3sWithImplicitTlsIsUp() {
        Pop3Probe probe = Pop3Probe.of("127.0.0.1", GREEN_MAIL.getPop3s().getPort(), MailTls.IMPLICIT).withTrust(null, false);

        CheckResult result = checker.check(probe);

        assertThat(result.outcome()).as(result.message()).isEqualTo(CheckOutcome.UP);
        assertThat(result.message()).startsWith("POP3 ready over TLSv1.");
    }

    @Test
    void requiredStlsThatGreenMailDoesNotAdvertiseIsDown() {
        CheckResult result = checker.check(Pop3Probe.of("127.0.0.1", GREEN_MAIL.getPop3().getPort(), MailTls.STARTTLS));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).isEqualTo("server does not advertise STLS");
    }

    @Test
    void stlsUpgradesAndQuits() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(mailCertificate.serverContext(),
                send("+OK pop3.test ready"), expect("CAPA"), send("+OK capabilities follow"), send("USER"), send("STLS"),
                send("."), expect("STLS"), send("+OK begin TLS"), startTls(), expect("QUIT"), send("+OK bye"))) {
            Pop3Probe probe = Pop3Probe.of("127.0.0.1", server.port(), MailTls.STARTTLS).withTrust(mailCertificate.trustStore(), true);

            CheckResult result = checker.check(probe);

            assertThat(result.outcome()).as(result.message()).isEqualTo(CheckOutcome.UP);
            assertThat(server.received()).containsExactly("CAPA", "STLS", "QUIT");
        }
    }

    @Test
    void stlsWithACertificateForAnotherHostIsDown() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(mailCertificate.serverContext(),
                send("+OK pop3.test ready"), expect("CAPA"), send("+OK"), send("STLS"), send("."),
                expect("STLS"), send("+OK begin TLS"), startTls())) {
            Pop3Probe probe = Pop3Probe.of("127.0.0.1", server.port(), MailTls.STARTTLS)
                    .withTrust(mailCertificate.trustStore(), true).withServerName("pop3.example.com");

            CheckResult result = checker.check(probe);

            assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
            assertThat(result.message()).isEqualTo("certificate does not match the host name");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-ERR maildrop locked", "* OK imap server", "220 smtp.test ESMTP"})
    void greetingOtherThanPlusOkIsDownWithTheGreetingInTheMessage(String greeting) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(null, send(greeting), expect("QUIT"))) {
            CheckResult result = checker.check(Pop3Probe.of("127.0.0.1", server.port(), MailTls.NONE));

            assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
            assertThat(result.message()).isEqualTo("expected +OK greeting, got: " + greeting);
        }
    }
}
