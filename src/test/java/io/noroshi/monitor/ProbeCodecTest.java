package io.noroshi.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noroshi.probe.Checkers;
import io.noroshi.probe.Probe;
import io.noroshi.probe.dns.DnsProbe;
import io.noroshi.probe.heartbeat.HeartbeatLedger;
import io.noroshi.probe.http.HttpChecker;
import io.noroshi.probe.http.HttpMethod;
import io.noroshi.probe.http.HttpProbe;
import io.noroshi.probe.http.StatusRange;
import io.noroshi.probe.mail.ImapProbe;
import io.noroshi.probe.mail.MailTls;
import io.noroshi.probe.mail.Pop3Probe;
import io.noroshi.probe.mail.SmtpProbe;
import io.noroshi.probe.tcp.TcpProbe;
import io.noroshi.probe.tls.TlsProbe;
import io.noroshi.probe.tls.TrustStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Probes travel to agents as JSON and come back as equal records. */
class ProbeCodecTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private final ProbeCodec codec = new ProbeCodec(Checkers.standard(CLOCK, HttpChecker.defaultClient(), new HeartbeatLedger(CLOCK)).kinds());

    static Stream<Probe> probes() {
        return Stream.of(
                HttpProbe.get(URI.create("https://www.example.com/health?x=1")),
                new HttpProbe(URI.create("http://127.0.0.1:8080/"), HttpMethod.POST, "{\"ping\":true}",
                        List.of(new StatusRange(200, 299), new StatusRange(418, 418)), "ok", "maintenance", Duration.ofMillis(1500),
                        false, 0, Duration.ofSeconds(3)),
                new TcpProbe("db1.example.com", 5432, Duration.ofMillis(750)),
                TlsProbe.of("192.0.2.10", 993).withServerName("imap.example.com").withWarnDays(7),
                new TlsProbe("h", 443, null, 14, TrustStore.file(Path.of("/etc/noroshi/ca.p12"), "pw"), null),
                SmtpProbe.of("mx.example.com", 0, MailTls.STARTTLS),
                ImapProbe.of("mx.example.com", 0, MailTls.IMPLICIT),
                Pop3Probe.of("mx.example.com", 1110, MailTls.NONE),
                new DnsProbe("example.com", DnsProbe.RecordType.SOA, List.of("ns1.example.com", "198.51.100.53:5353"), Duration.ofSeconds(2),
                        java.util.Optional.empty()),
                new DnsProbe("www.example.com", DnsProbe.RecordType.A, List.of("ns1.example.com"), null, java.util.Optional.of("203.0.113.80")));
    }

    @ParameterizedTest
    @MethodSource("probes")
    void everyKindRoundTrips(Probe probe) {
        assertThat(codec.decode(codec.encode(probe))).isEqualTo(probe);
    }

    @ParameterizedTest
    @MethodSource("probes")
    void anUnknownTypeIsRefused(Probe probe) {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) codec.encode(probe);
        node.put(ProbeCodec.TYPE_FIELD, "GopherProbe");

        assertThatThrownBy(() -> codec.decode(node)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GopherProbe");
    }
}
