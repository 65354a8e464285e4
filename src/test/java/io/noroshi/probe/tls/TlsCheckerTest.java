package io.noroshi.probe.tls;

import static io.noroshi.probe.ScriptedServer.startTls;
import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import io.noroshi.probe.FakeClock;
import io.noroshi.probe.ScriptedServer;
import io.noroshi.probe.TestCertificate;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsCheckerTest {

    @TempDir
    static Path certificates;

    static TestCertificate valid;
    static TestCertificate shortLived;
    static TestCertificate expired;
    static TestCertificate otherHost;
    static TestCertificate statusTest;

    @BeforeAll
    static void issueCertificates() throws Exception {
        valid = TestCertificate.issue(certificates, "valid", "ip:127.0.0.1,dns:localhost", null, 365);
        shortLived = TestCertificate.issue(certificates, "short-lived", "ip:127.0.0.1", null, 10);
        expired = TestCertificate.issue(certificates, "expired", "ip:127.0.0.1", "-30d", 10);
        otherHost = TestCertificate.issue(certificates, "other-host", "dns:other.example", null, 365);
        statusTest = TestCertificate.issue(certificates, "status-test", "dns:status.test", null, 365);
    }

    private final FakeClock clock = FakeClock.atSystemTime();
    private final TlsChecker checker = new TlsChecker(clock);

    private CheckResult checkAgainst(TestCertificate served, TlsProbe probe) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(served.serverContext(), startTls())) {
            return checker.check(probe.withTrustStore(served.trustStore()).withPort(server.port()));
        }
    }

    private static TlsProbe probe() {
        return TlsProbe.of("127.0.0.1", 443).withWarnDays(14);
    }

    @Test
    void certificateWithDaysToSpareIsUp() throws Exception {
        CheckResult result = checkAgainst(valid, probe());

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.message()).contains("valid for 36");
    }

    @Test
    void certificateExpiringWithinWarnDaysIsDegraded() throws Exception {
        CheckResult result = checkAgainst(shortLived, probe().withWarnDays(30));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DEGRADED);
        assertThat(result.message()).startsWith("certificate expires in 9 days");
    }

    @Test
    void certificateIsDownOnceTheClockPassesItsExpiry() throws Exception {
        clock.advance(Duration.ofDays(11));

        CheckResult result = checkAgainst(shortLived, probe());

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).startsWith("certificate expired");
    }

    @Test
    void expiredCertificateIsDown() throws Exception {
        CheckResult result = checkAgainst(expired, probe());

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).startsWith("certificate expired");
    }

    @Test
    void certificateForAnotherHostIsDown() throws Exception {
        CheckResult result = checkAgainst(otherHost, probe());

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).isEqualTo("certificate does not match the host name");
    }

    @Test
    void serverNameIsSentAsSniAndIsTheNameTheCertificateMustMatch() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(statusTest.serverContext(), startTls())) {
            TlsProbe probe = probe().withServerName("status.test").withTrustStore(statusTest.trustStore()).withPort(server.port());

            CheckResult result = checker.check(probe);

            assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
            assertThat(server.serverNames()).containsExactly("status.test");
        }
    }

    @Test
    void certificateFromAnUntrustedIssuerIsDown() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(valid.serverContext(), startTls())) {
            TlsProbe probe = probe().withTrustStore(otherHost.trustStore()).withPort(server.port());

            CheckResult result = checker.check(probe);

            assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
            assertThat(result.message()).startsWith("certificate not trusted");
        }
    }

    @Test
    void closedPortIsDown() throws Exception {
        CheckResult result = checker.check(probe().withPort(ScriptedServer.closedPort()));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).isEqualTo("connection refused");
        assertThat(result.startedAt()).isEqualTo(clock.instant());
    }
}
