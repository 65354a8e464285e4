package io.noroshi.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import io.noroshi.probe.FakeClock;
import io.noroshi.probe.TestCertificate;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS probes judge the served certificate's dates against the injected clock. */
class HttpsCertificateTest {

    @TempDir
    static Path certificates;

    static TestCertificate yearLong;
    static TestCertificate tenDays;

    @BeforeAll
    static void issueCertificates() throws Exception {
        yearLong = TestCertificate.issue(certificates, "year-long", "ip:127.0.0.1", null, 365);
        tenDays = TestCertificate.issue(certificates, "ten-days", "ip:127.0.0.1", null, 10);
    }

    private final FakeClock clock = FakeClock.atSystemTime();

    /** Serves {@code certificate} on 127.0.0.1 and checks it with a client that trusts {@code trusted}. */
    private CheckResult check(TestCertificate certificate, TestCertificate trusted, int warnDays) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(trusted.trustStore().sslContext(true))
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();
            URI url = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
            return new HttpChecker(clock, client).check(HttpProbe.get(url).withCertificateWarnDays(warnDays));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void certificateWithDaysToSpareIsUp() throws Exception {
        CheckResult result = check(yearLong, yearLong, 30);

        assertThat(result.outcome()).as(result.message()).isEqualTo(CheckOutcome.UP);
    }

    @Test
    void certificateExpiringWithinWarnDaysIsDegraded() throws Exception {
        CheckResult result = check(tenDays, tenDays, 30);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DEGRADED);
        assertThat(result.message()).startsWith("HTTP 200 in").contains("certificate expires in 9 days");
    }

    @Test
    void certificateIsDownOnceTheClockPassesItsExpiry() throws Exception {
        clock.advance(Duration.ofDays(11));

        CheckResult result = check(tenDays, tenDays, 0);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).startsWith("certificate expired");
    }

    @Test
    void certificateTheClientDoesNotTrustIsDown() throws Exception {
        CheckResult result = check(yearLong, tenDays, 30);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).startsWith("certificate not trusted");
    }
}
