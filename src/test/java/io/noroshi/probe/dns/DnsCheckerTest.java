package io.noroshi.probe.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import io.noroshi.testing.dns.PrivateDnsTree;
import io.noroshi.testing.dns.PrivateDnsTreeExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PrivateDnsTreeExtension.class)
class DnsCheckerTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private final PrivateDnsTree tree;
    private final DnsChecker checker = new DnsChecker(ResolverFactory.direct(), InstantSource.fixed(NOW));

    DnsCheckerTest(PrivateDnsTree tree) {
        this.tree = tree;
    }

    private String server(String label) {
        var address = tree.server(label);
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private CheckResult check(String name, DnsProbe.RecordType type, Optional<String> expected, String... servers) {
        return checker.check(new DnsProbe(name, type, List.of(servers).stream().map(this::server).toList(), Duration.ofSeconds(2), expected));
    }

    @Test
    void agreeingAuthoritativeServersAreUp() {
        CheckResult result = check("diverse.test", DnsProbe.RecordType.SOA, Optional.empty(), "diverse1", "diverse2", "diverse3");

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.startedAt()).isEqualTo(NOW);
    }

    @Test
    void aLaggingSerialIsDegradedAndNamesTheServerAndBothSerials() {
        CheckResult result = check("lagging.test", DnsProbe.RecordType.SOA, Optional.empty(), "lagging1", "lagging2");

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DEGRADED);
        assertThat(result.message()).isEqualTo("SOA serial " + PrivateDnsTree.LAGGING_OLD_SERIAL + " at " + server("lagging2")
                + " behind " + PrivateDnsTree.LAGGING_NEW_SERIAL + " at " + server("lagging1"));
    }

    @Test
    void aServerThatDoesNotAnswerAuthoritativelyIsDown() {
        CheckResult result = check("lame.test", DnsProbe.RecordType.SOA, Optional.empty(), "lame1", "samenet1");

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).contains(server("samenet1"), "REFUSED");
    }

    @Test
    void anExpectedAddressMustBeInEveryAnswer() {
        assertThat(check("www.samenet.test", DnsProbe.RecordType.A, Optional.of("198.51.100.80"), "samenet1", "samenet2").outcome())
                .isEqualTo(CheckOutcome.UP);
        CheckResult wrong = check("www.samenet.test", DnsProbe.RecordType.A, Optional.of("198.51.100.81"), "samenet1");
        assertThat(wrong.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(wrong.message()).contains("198.51.100.80", "198.51.100.81");
    }

    @Test
    void mxAndNsRecordsCompareAsInAZoneFile() {
        assertThat(check("diverse.test", DnsProbe.RecordType.MX, Optional.of("10 mx1.diverse.test."), "diverse1").outcome())
                .isEqualTo(CheckOutcome.UP);
        assertThat(check("diverse.test", DnsProbe.RecordType.NS, Optional.of("ns3.diverse.test"), "diverse2").outcome())
                .isEqualTo(CheckOutcome.UP);
    }

    @Test
    void aMissingRecordTypeIsDown() {
        CheckResult result = check("samenet.test", DnsProbe.RecordType.MX, Optional.empty(), "samenet1");

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).contains("no MX record");
    }

    @Test
    void aSilentServerIsDownWithinTheTimeout() {
        // an address inside the test's own prefix where nothing listens: no traffic leaves the test network
        var probe = new DnsProbe("diverse.test", DnsProbe.RecordType.SOA, List.of("198.51.100.99"), Duration.ofMillis(300), Optional.empty());

        CheckResult result = checker.check(probe);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).contains("198.51.100.99");
    }

    @Test
    void serversParseWithAndWithoutPorts() throws Exception {
        assertThat(DnsProbe.socketAddress("192.0.2.1").getPort()).isEqualTo(53);
        assertThat(DnsProbe.socketAddress("192.0.2.1:5353").getPort()).isEqualTo(5353);
        assertThat(DnsProbe.socketAddress("[2001:db8::1]:5353").getAddress().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(DnsProbe.socketAddress("2001:db8::1").getPort()).isEqualTo(53);
    }
}
