package io.noroshi.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noroshi.probe.heartbeat.HeartbeatLedger;
import io.noroshi.probe.heartbeat.HeartbeatProbe;
import io.noroshi.probe.http.HttpChecker;
import io.noroshi.probe.http.HttpProbe;
import io.noroshi.probe.mail.ImapProbe;
import io.noroshi.probe.mail.Pop3Probe;
import io.noroshi.probe.mail.SmtpProbe;
import io.noroshi.probe.tcp.TcpProbe;
import io.noroshi.probe.tls.TlsProbe;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckersTest {

    /** A kind the standard registry does not know, as the DNS probe is until it is wired in. */
    record EchoProbe(String target) implements Probe {
        @Override
        public String kind() {
            return "echo";
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(1);
        }
    }

    private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final HeartbeatLedger ledger = new HeartbeatLedger(clock);
    private final Checkers checkers = Checkers.standard(clock, HttpChecker.defaultClient(), ledger);

    @Test
    void everyBuiltInProbeKindHasAChecker() {
        assertThat(checkers.kinds()).containsExactlyInAnyOrder(HttpProbe.class, TcpProbe.class, TlsProbe.class,
                SmtpProbe.class, ImapProbe.class, Pop3Probe.class, HeartbeatProbe.class, io.noroshi.probe.dns.DnsProbe.class);
    }

    @Test
    void aProbeIsRunByTheCheckerOfItsRecordClass() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(checkers.check(new TcpProbe("127.0.0.1", listener.getLocalPort(), null)).outcome()).isEqualTo(CheckOutcome.UP);
        }
        ledger.recordPush("backup");
        clock.advance(Duration.ofHours(2));
        assertThat(checkers.check(new HeartbeatProbe("backup", Duration.ofHours(1), null)).outcome()).isEqualTo(CheckOutcome.DOWN);
    }

    @Test
    void unknownProbeKindIsAWiringErrorNotAnOutage() {
        assertThatThrownBy(() -> checkers.check(new EchoProbe("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no checker for probe kind 'echo'");
    }

    @Test
    void kindsBuiltElsewhereAreAddedWithTheirChecker() {
        Checkers extended = checkers.with(EchoProbe.class, probe -> ProbeRun.start(clock).up("echo " + probe.target()));

        assertThat(extended.check(new EchoProbe("hello")).message()).isEqualTo("echo hello");
        assertThat(checkers.kinds()).doesNotContain(EchoProbe.class);
    }

    @Test
    void aCheckerThatThrowsIsReportedDownInsteadOfEscaping() {
        Checkers broken = checkers.with(EchoProbe.class, probe -> {
            throw new IllegalStateException("bug in checker");
        });

        CheckResult result = broken.check(new EchoProbe("x"));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).isEqualTo("checker failed: bug in checker");
        assertThat(result.startedAt()).isEqualTo(clock.instant());
    }
}
