package io.noroshi.audit.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.audit.AuditReport;
import io.noroshi.audit.AuditRule;
import io.noroshi.audit.Finding;
import io.noroshi.config.ConfigLoader;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The story's status page and customer list fall with the data center; a mirror elsewhere, with DNS elsewhere, saves both. */
class MirrorsInAuditTest {

    static AuditReport audit(String yaml) {
        return new InventoryAudit(InstantSource.system()).audit("test", new ConfigLoader().parse("noroshi.yaml", yaml), Optional.empty());
    }

    static boolean has(AuditReport report, AuditRule rule) {
        return report.findings().stream().map(Finding::rule).anyMatch(rule::equals);
    }

    @Test
    void aMirrorInAnotherSiteIsAStatusPageAndAContactStoreThatSurvive() {
        assertThat(has(audit(Inventories.STORY), AuditRule.INVENTORY_STATUS_PAGE_SHARES_SITE)).isTrue();
        assertThat(has(audit(Inventories.STORY), AuditRule.INVENTORY_CONTACTS_SHARES_SITE)).isTrue();
        String withMirror = Inventories.STORY.replace("sites:\n", "sites:\n  - {id: far-cloud, kind: cloud}\n") + """
                  - id: far-dns
                    kind: dns
                    endpoints: [{host: ns.far.example, site: far-cloud}]
                mirrors:
                  bundle: {recipients: [age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p]}
                  targets:
                    - {id: far, site: far-cloud, directory: /srv/status, depends_on: [far-dns]}
                """;
        AuditReport report = audit(withMirror);
        assertThat(has(report, AuditRule.INVENTORY_STATUS_PAGE_SHARES_SITE)).isFalse();
        assertThat(has(report, AuditRule.INVENTORY_CONTACTS_SHARES_SITE)).isFalse();
        assertThat(report.blastRadii()).anySatisfy(r -> assertThat(r.toString()).contains("mirror:far"));
    }

    @Test
    void aMirrorWhoseDnsIsInTheSameDataCenterStillFallsWithIt() {
        String yaml = Inventories.STORY.replace("sites:\n", "sites:\n  - {id: far-cloud, kind: cloud}\n") + """
                mirrors:
                  targets:
                    - {id: far, site: far-cloud, directory: /srv/status, depends_on: [dns]}
                """;
        AuditReport report = audit(yaml);
        assertThat(report.findings()).filteredOn(f -> f.rule() == AuditRule.INVENTORY_STATUS_PAGE_DNS_SHARES_SITE
                || f.rule() == AuditRule.INVENTORY_STATUS_PAGE_SHARES_SITE).isNotEmpty();
    }
}
