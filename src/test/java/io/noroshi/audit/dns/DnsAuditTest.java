package io.noroshi.audit.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noroshi.audit.AuditInputException;
import io.noroshi.audit.AuditReport;
import io.noroshi.audit.AuditRule;
import io.noroshi.audit.Finding;
import io.noroshi.audit.Severity;
import io.noroshi.audit.network.FallbackNetworks;
import io.noroshi.audit.network.NetworkMap;
import io.noroshi.audit.network.Pfx2AsNetworks;
import io.noroshi.probe.dns.ResolverFactory;
import io.noroshi.testing.dns.PrivateDnsTree;
import io.noroshi.testing.dns.PrivateDnsTreeExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PrivateDnsTreeExtension.class)
class DnsAuditTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private final PrivateDnsTree tree;

    DnsAuditTest(PrivateDnsTree tree) {
        this.tree = tree;
    }

    private AuditReport audit(String domain, NetworkMap networks) {
        var audit = new DnsAudit(new DnsStart.FromRoots(RootHints.read(tree.rootHints())), ResolverFactory.direct(), networks,
                InstantSource.fixed(NOW), Duration.ofSeconds(2));
        return audit.audit(domain);
    }

    private AuditReport withAsnDb(String domain) {
        return audit(domain, Pfx2AsNetworks.read(tree.pfx2as()));
    }

    private static List<Severity> severities(AuditReport report, AuditRule rule) {
        return report.findings(rule).stream().map(Finding::severity).toList();
    }

    @Test
    void nameserversInOnePrefixAndOneAsAreWarnedAbout() {
        AuditReport report = withAsnDb("samenet.test");

        assertThat(severities(report, AuditRule.DNS_NS_PREFIX_DIVERSITY)).containsExactly(Severity.WARNING);
        assertThat(severities(report, AuditRule.DNS_NS_AS_DIVERSITY)).containsExactly(Severity.WARNING);
        assertThat(report.findings(AuditRule.DNS_NS_AS_DIVERSITY).getFirst().message()).contains("AS64496");
        assertThat(report.findings(AuditRule.DNS_NS_PREFIX_DIVERSITY).getFirst().evidence())
                .contains("ns1.samenet.test. 198.51.100.11 in 198.51.100.0/25 AS64496");
        assertThat(report.exitCode()).isEqualTo(AuditReport.WARNINGS);
    }

    @Test
    void webBesideEveryNameserverIsAWarning() {
        AuditReport report = withAsnDb("samenet.test");

        assertThat(report.findings(AuditRule.DNS_WEB_SHARES_PREFIX)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
                .satisfies(f -> assertThat(f.message()).contains("DNS down with the web"));
    }

    @Test
    void aDomainWithoutMxIsWarnedAbout() {
        assertThat(severities(withAsnDb("samenet.test"), AuditRule.DNS_MX_ABSENT)).containsExactly(Severity.WARNING);
    }

    @Test
    void ipv4AndIpv6AreJudgedSeparately() {
        assertThat(severities(withAsnDb("samenet.test"), AuditRule.DNS_NS_IPV6_ABSENT)).containsExactly(Severity.NOTICE);
        AuditReport diverse = withAsnDb("diverse.test");
        assertThat(diverse.findings(AuditRule.DNS_NS_IPV6_ABSENT)).isEmpty();
        assertThat(diverse.findings(AuditRule.DNS_NS_PREFIX_DIVERSITY)).isEmpty();
    }

    @Test
    void aDiverseZoneHasNoWarningsOrErrors() {
        AuditReport report = withAsnDb("diverse.test");

        assertThat(report.findings()).filteredOn(f -> f.severity().compareTo(Severity.NOTICE) < 0).isEmpty();
        assertThat(report.findings(AuditRule.DNS_NS_AS_DIVERSITY)).isEmpty();
        assertThat(report.findings(AuditRule.DNS_MX_PREFIX_DIVERSITY)).isEmpty();
        assertThat(report.findings(AuditRule.DNS_NS_COUNT)).isEmpty();
        assertThat(report.exitCode()).isEqualTo(AuditReport.CLEAN);
        assertThat(report.subject()).isEqualTo("diverse.test.");
        assertThat(report.checkedAt()).isEqualTo(NOW);
    }

    @Test
    void withoutAnAsnDatabasePrefixesFallBackToSlash24AndAsIsUnknown() {
        AuditReport report = audit("diverse.test", new FallbackNetworks());

        assertThat(severities(report, AuditRule.DNS_ASN_DB_ABSENT)).containsExactly(Severity.INFO);
        // 198.51.100.21 and .141 are two /25s in the file, but one /24 without it
        assertThat(report.findings(AuditRule.DNS_NS_PREFIX_DIVERSITY)).filteredOn(f -> f.message().contains("IPv4"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.NOTICE))
                .satisfies(f -> assertThat(f.message()).contains("198.51.100.0/24"));
        assertThat(report.findings(AuditRule.DNS_NS_AS_DIVERSITY)).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("unknown");
        });
    }

    @Test
    void aLaggingSerialNamesTheServerAndBothSerials() {
        AuditReport report = withAsnDb("lagging.test");

        assertThat(report.findings(AuditRule.DNS_SOA_SERIAL_MISMATCH)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("ns2.lagging.test. 203.0.113.31", String.valueOf(PrivateDnsTree.LAGGING_OLD_SERIAL),
                    String.valueOf(PrivateDnsTree.LAGGING_NEW_SERIAL));
            assertThat(f.reference()).isEqualTo("Zonemaster CONSISTENCY01");
        });
    }

    @Test
    void aSingleMxIsANotice() {
        assertThat(severities(withAsnDb("lagging.test"), AuditRule.DNS_MX_SINGLE)).containsExactly(Severity.NOTICE);
    }

    @Test
    void aServerThatDoesNotServeTheZoneIsLame() {
        AuditReport report = withAsnDb("lame.test");

        assertThat(report.findings(AuditRule.DNS_NS_LAME)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("ns2.lame.test. 198.51.100.11", "REFUSED");
        });
        assertThat(report.findings(AuditRule.DNS_NS_UNREACHABLE_UDP)).isEmpty();
        assertThat(report.exitCode()).isEqualTo(AuditReport.ERRORS);
    }

    @Test
    void inBailiwickNameserversWithoutGlueAreErrors() {
        AuditReport report = withAsnDb("noglue.test");

        assertThat(report.findings(AuditRule.DNS_NS_GLUE_MISSING)).extracting(Finding::evidence)
                .containsExactlyInAnyOrder(List.of("ns1.noglue.test."), List.of("ns2.noglue.test."));
        assertThat(report.findings(AuditRule.DNS_NS_UNRESOLVABLE)).hasSize(2);
    }

    @Test
    void outOfBailiwickNameserversNeedNoGlueButTheNsSetsMustMatch() {
        AuditReport report = withAsnDb("outside.test");

        assertThat(report.findings(AuditRule.DNS_NS_GLUE_MISSING)).isEmpty();
        assertThat(report.findings(AuditRule.DNS_NS_LAME)).isEmpty();
        assertThat(report.findings(AuditRule.DNS_DELEGATION_NS_MISMATCH)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ns3.diverse.test."));
    }

    @Test
    void aDomainTheParentDoesNotDelegateIsAnError() {
        AuditReport report = withAsnDb("missing.test");

        assertThat(severities(report, AuditRule.DNS_DELEGATION_MISSING)).containsExactly(Severity.ERROR);
    }

    @Test
    void twoNameserversAreANoticeForAThird() {
        assertThat(severities(withAsnDb("samenet.test"), AuditRule.DNS_NS_COUNT)).containsExactly(Severity.NOTICE);
    }

    @Test
    void throughARecursiveResolverTheParentIsStillAskedDirectly() {
        var audit = new DnsAudit(new DnsStart.ThroughResolver(tree.recursiveResolver()), ResolverFactory.direct(),
                Pfx2AsNetworks.read(tree.pfx2as()), InstantSource.fixed(NOW), Duration.ofSeconds(2));

        AuditReport lagging = audit.audit("lagging.test");
        AuditReport outside = audit.audit("outside.test");

        assertThat(lagging.findings(AuditRule.DNS_DELEGATION_MISSING)).isEmpty();
        assertThat(severities(lagging, AuditRule.DNS_SOA_SERIAL_MISMATCH)).containsExactly(Severity.WARNING);
        assertThat(severities(lagging, AuditRule.DNS_MX_SINGLE)).containsExactly(Severity.NOTICE);
        assertThat(outside.findings(AuditRule.DNS_DELEGATION_NS_MISMATCH)).hasSize(1);
        assertThat(audit.audit("missing.test").findings(AuditRule.DNS_DELEGATION_MISSING)).hasSize(1);
    }

    @Test
    void aMalformedDomainIsRefusedBeforeAnyQuery() {
        assertThatThrownBy(() -> DnsAudit.zoneName("exa mple.com")).isInstanceOf(AuditInputException.class).hasMessageContaining("exa mple.com");
        assertThatThrownBy(() -> DnsAudit.zoneName("-bad-.com")).isInstanceOf(AuditInputException.class);
        assertThatThrownBy(() -> DnsAudit.zoneName("localhost")).isInstanceOf(AuditInputException.class);
        assertThat(DnsAudit.zoneName("Example.COM.").toString()).isEqualToIgnoringCase("example.com.");
    }
}
