package io.noroshi.audit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noroshi.audit.AuditInputException;
import io.noroshi.audit.AuditReport;
import io.noroshi.audit.AuditRule;
import io.noroshi.audit.Finding;
import io.noroshi.audit.Severity;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InventoryAuditTest {

    private final InventoryAudit audit = new InventoryAudit(InstantSource.fixed(Instant.parse("2026-01-02T03:04:05Z")));

    private AuditReport audit(String yaml) {
        return audit.audit("test.yaml", Inventories.parse(yaml), Optional.empty());
    }

    private static BlastRadius radius(AuditReport report, String id) {
        return report.blastRadii().stream().filter(r -> r.failed().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theStorysProviderGetsAnErrorForEveryLessonOfTheStory() {
        AuditReport report = audit(Inventories.STORY);

        assertThat(report.findings()).filteredOn(f -> f.severity() == Severity.ERROR).extracting(Finding::rule).contains(
                AuditRule.INVENTORY_DNS_COLOCATED_WITH_WEB, AuditRule.INVENTORY_DNS_COLOCATED_WITH_MAIL,
                AuditRule.INVENTORY_DNS_SINGLE_SITE, AuditRule.INVENTORY_MX_SINGLE_SITE,
                AuditRule.INVENTORY_STATUS_PAGE_SHARES_SITE, AuditRule.INVENTORY_CONTACTS_SHARES_SITE,
                AuditRule.INVENTORY_MONITORING_SHARES_SITE);
        assertThat(report.findings(AuditRule.INVENTORY_STATUS_PAGE_DEPENDS_ON_REPORTED)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(report.findings(AuditRule.INVENTORY_NOTIFY_MISSING)).hasSize(1);
        assertThat(report.exitCode()).isEqualTo(AuditReport.ERRORS);
    }

    @Test
    void theStorysStorageArrayTakesEverythingDownAndSilencesTheProvider() {
        BlastRadius san = radius(audit(Inventories.STORY), "san");

        assertThat(san.down()).extracting(ServiceLoss::service).containsExactlyInAnyOrder("dns", "web", "mail", "customers", "status");
        assertThat(san.canPublishStatus()).isFalse();
        assertThat(san.canReachCustomers()).isFalse();
        assertThat(san.failed().kind()).isEqualTo("shared-part");
        BlastRadius site = radius(audit(Inventories.STORY), "dc1");
        assertThat(site.down()).extracting(ServiceLoss::service).contains("monitor");
        assertThat(site.vantagePointsLeft()).isZero();
    }

    @Test
    void aServiceThatOnlyResolvesThroughFailedDnsGoesDownThroughIt() {
        String yaml = Inventories.WELL_SPLIT.replace("- {host: ns2.split.example, site: osaka}", "- {host: ns2.split.example, site: tokyo}");

        BlastRadius tokyo = radius(audit(yaml), "tokyo");

        assertThat(tokyo.down()).filteredOn(l -> l.service().equals("mail")).singleElement()
                .satisfies(l -> assertThat(l.through()).containsExactly("dns"));
        assertThat(tokyo.down()).filteredOn(l -> l.service().equals("dns")).singleElement().satisfies(l -> assertThat(l.direct()).isTrue());
    }

    @Test
    void aWellSplitSetupPasses() {
        AuditReport report = audit(Inventories.WELL_SPLIT);

        assertThat(report.findings()).filteredOn(f -> f.severity().compareTo(Severity.NOTICE) < 0).isEmpty();
        assertThat(report.exitCode()).isEqualTo(AuditReport.CLEAN);
        for (BlastRadius radius : report.blastRadii()) {
            boolean statusSiteFails = radius.failed().id().equals("status-cloud");
            assertThat(radius.canPublishStatus()).as(radius.failed().id()).isEqualTo(!statusSiteFails);
        }
        BlastRadius tokyo = radius(report, "tokyo");
        assertThat(tokyo.down()).extracting(ServiceLoss::service).containsExactly("web");
        assertThat(tokyo.degraded()).containsExactlyInAnyOrder("dns", "mail");
        assertThat(tokyo.canConfirmOutage()).isTrue();
    }

    @Test
    void aParentSiteTakesItsChildrenDown() {
        BlastRadius provider = radius(audit(Inventories.WELL_SPLIT), "provider-a");

        assertThat(provider.down()).extracting(ServiceLoss::service).containsExactly("web");
        assertThat(provider.degraded()).contains("dns", "mail");
    }

    @Test
    void dnsSpreadOverTwoSitesOfOneProviderIsAWarning() {
        String yaml = Inventories.WELL_SPLIT.replace("{id: osaka, parent: provider-b}", "{id: osaka, parent: provider-a}");

        assertThat(audit(yaml).findings(AuditRule.INVENTORY_DNS_SINGLE_SITE)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence()).contains("fails with: site provider-a");
        });
    }

    @Test
    void twoVantagePointsLoseTheirQuorumWhenEitherFails() {
        String yaml = Inventories.WELL_SPLIT.replace("      - {host: ap.mon.example, site: mon-ap}\n", "");

        List<Finding> quorum = audit(yaml).findings(AuditRule.INVENTORY_VANTAGE_QUORUM);

        assertThat(quorum).hasSize(2).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(quorum.getFirst().message()).contains("1 of 2", "quorum of 2");
    }

    @Test
    void declaredVantagePointsCountLikeMonitoringServices() {
        String withoutAp = Inventories.WELL_SPLIT.replace("      - {host: ap.mon.example, site: mon-ap}\n", "");
        String withAgentInAp = withoutAp + """
                vantage_points:
                  - {id: ap-agent, site: mon-ap, token_sha256: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef}
                """;

        assertThat(audit(withoutAp).findings(AuditRule.INVENTORY_VANTAGE_QUORUM)).isNotEmpty();
        assertThat(audit(withAgentInAp).findings(AuditRule.INVENTORY_VANTAGE_QUORUM)).isEmpty();
    }

    @Test
    void aStatusPageWhoseOnlyDnsSitsWithTheProductIsFlaggedAsItsDns() {
        String yaml = Inventories.WELL_SPLIT.replace("depends_on: [status-dns]\n  - id: relay", "depends_on: [web-dns]\n  - id: relay")
                + """
                  - id: web-dns
                    kind: dns
                    endpoints: [{host: ns9.split.example, site: tokyo}]
                  - id: shop
                    kind: web
                    endpoints: [{host: shop.split.example, site: tokyo}]
                    depends_on: [web-dns]
                """;

        AuditReport report = audit(yaml);

        assertThat(report.findings(AuditRule.INVENTORY_STATUS_PAGE_DNS_SHARES_SITE)).isNotEmpty()
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void whatIfShowsOnlyTheChosenFailureDomain() {
        AuditReport report = audit.audit("test.yaml", Inventories.parse(Inventories.STORY), Optional.of("san"));

        assertThat(report.blastRadii()).singleElement().satisfies(r -> assertThat(r.failed().id()).isEqualTo("san"));
        assertThatThrownBy(() -> audit.audit("test.yaml", Inventories.parse(Inventories.STORY), Optional.of("nowhere")))
                .isInstanceOf(AuditInputException.class).hasMessageContaining("nowhere").hasMessageContaining("dc1");
    }
}
