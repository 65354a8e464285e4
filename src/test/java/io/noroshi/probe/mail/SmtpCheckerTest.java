package io.noroshi.probe.mail;

import static io.noroshi.probe.ScriptedServer.expect;
import static io.noroshi.probe.ScriptedServer.send;
import static io.noroshi.probe.ScriptedServer.silence;
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
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpCheckerTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.SMTP.createCopy("127.0.0.1").dynamicPort(),
            ServerSetupTest.SMTPS.createCopy("127.0.0.1").dynamicPort()});

    @TempDir
    static Path certificates;

    static TestCertificate mailCertificate;

    @BeforeAll
    static void issueCertificate() throws Exception {
        mailCertificate = TestCertificate.issue(certificates, "mail", "ip:127.0.0.1", null, 365);
    }

    private final SmtpChecker checker = new SmtpChecker(FakeClock.atSystemTime());

    @Test
    void greenMailSmtpIsUp() {
        CheckResult result = checker.check(SmtpProbe.of("127.0.0.1", GREEN_MAIL.getSmtp().getPort(), MailTls.NONE));

        assertThat(result.outcome()).as(result.message()).isEqualTo(CheckOutcome.UP);
        assertThat(result.message()).isEqualTo("SMTP ready");
    }

    @Test
    void greenMailSmtpsWithImplicitTlsIsUp() {
        SmtpProbe probe = SmtpProbe.of("127.0.0.1", GREEN_MAIL.getSmtps().getPort(), MailTls.IMPLICIT).withTrust(null, false);

        CheckResult result = checker.check(probe);

        assertThat(result.outcome()).as(result.message()).isEqualTo(CheckOutcome.UP);
        assertThat(result.message()).startsWith("SMTP ready over TLSv1.");
    }

    @Test
    void implicitTlsWithACertificateNobodyVouchesForIsDown() {
        CheckResult result = checker.check(SmtpProbe.of("127.0.0.1", GREEN_MAIL.getSmtps().getPort(), MailTls.IMPLICIT));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).startsWith("certificate not trusted");
    }

    @Test
    void requiredStartTlsThatIsNotAdvertisedIsDown() {
        CheckResult result = checker.check(SmtpProbe.of("127.0.0.1", GREEN_MAIL.getSmtp().getPort(), MailTls.STARTTLS));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).isEqualTo("server does not advertise STARTTLS");
    }

    @Test
    void startTlsUpgradesGreetsAgainAndQuitsPolitely() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(mailCertificate.serverContext(),
                send("220 mx.test ESMTP"), expect("EHLO"), send("250-mx.test"), send("250-PIPELINING"), send("250 STARTTLS"),
                expect("STARTTLS"), send("220 go ahead"), startTls(),
                expect("EHLO"), send("250 mx.test"), expect("QUIT"), send("221 bye"))) {
            SmtpProbe probe = SmtpProbe.of("127.0.0.1", server.port(), MailTls.STARTTLS).withTrust(mailCertificate.trustStore(), true);

            CheckResult result = checker.check(probe);

            assertThat(result.outcome()).as(result.message()).isEqualTo(CheckOutcome.UP);
            assertThat(result.message()).startsWith("SMTP ready over TLSv1.");
            assertThat(server.received()).containsExactly("EHLO localhost", "STARTTLS", "EHLO localhost", "QUIT");
        }
    }

    @Test
    void startTlsRefusedByTheServerIsDown() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(null,
                send("220 mx.test ESMTP"), expect("EHLO"), send("250-mx.test"), send("250 STARTTLS"),
                expect("STARTTLS"), send("454 4.7.0 TLS not available"), expect("QUIT"))) {
            CheckResult result = checker.check(SmtpProbe.of("127.0.0.1", server.port(), MailTls.STARTTLS));

            assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
            assertThat(result.message()).isEqualTo("expected 220 reply to STARTTLS, got: 454 4.7.0 TLS not available");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"554 5.3.2 mx.test no service here", "421 4.3.2 shutting down", "SSH-2.0-OpenSSH_9.6"})
    void bannerOtherThan220IsDownWithTheBannerInTheMessage(String banner) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(null, send(banner), expect("QUIT"))) {
            CheckResult result = checker.check(SmtpProbe.of("127.0.0.1", server.port(), MailTls.NONE));

            assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
            assertThat(result.message()).isEqualTo("expected 220 banner, got: " + banner);
        }
    }

    @Test
    void serverThatNeverGreetsTimesOut() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(null, silence())) {
            SmtpProbe probe = SmtpProbe.of("127.0.0.1", server.port(), MailTls.NONE).withTimeout(Duration.ofMillis(300));

            CheckResult result = checker.check(probe);

            assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
            assertThat(result.message()).isEqualTo("timed out after 300ms");
        }
    }

    @Test
    void closedPortIsDown() throws Exception {
        CheckResult result = checker.check(SmtpProbe.of("127.0.0.1", ScriptedServer.closedPort(), MailTls.NONE));

        assertThat(result.message()).isEqualTo("connection refused");
    }

    @Test
    void portDefaultsFollowTheTlsMode() {
        assertThat(SmtpProbe.of("mx.example.com", 0, MailTls.STARTTLS).target()).isEqualTo("smtp://mx.example.com:25 (STARTTLS)");
        assertThat(SmtpProbe.of("mx.example.com", 0, MailTls.IMPLICIT).target()).isEqualTo("smtps://mx.example.com:465");
    }
}
