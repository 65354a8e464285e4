package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.audit.AuditRule;
import io.noroshi.audit.TrackedFinding;
import io.noroshi.testing.dns.PrivateDnsTree;
import io.noroshi.testing.dns.PrivateDnsTreeExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub with an {@code audit:} section audits a zone served by real nsd servers under a private root: findings
 * are stored and raised once, survive a restart without being raised again, and are resolved when the zone is
 * fixed. Runs are driven with {@code runOnce}; the hub's own first run may come before or after, to the same effect.
 */
@ExtendWith(PrivateDnsTreeExtension.class)
class LiveAuditInHubTest {

    private static final String DOMAIN = "fixable.test";
    private static final Pattern NEW_FINDINGS = Pattern.compile("^noroshi_audit_findings_new_total\\{[^}]*} ([0-9.]+)$", Pattern.MULTILINE);

    private final PrivateDnsTree tree;

    LiveAuditInHubTest(PrivateDnsTree tree) {
        this.tree = tree;
    }

    private Path config(Path dir, String auditSection) throws IOException {
        return Files.writeString(dir.resolve("noroshi.yaml"), """
                page: {name: Fixable}
                sites: [{id: dc1}]
                services:
                  - {id: dns, kind: dns, endpoints: [{host: ns1.fixable.test, site: dc1}]}
                """ + auditSection);
    }

    private String auditSection() {
        return """
                audit:
                  domains: [FIXABLE.test.]
                  interval: 24h
                  timeout: 2s
                  root_hints: %s
                  asn_db: %s
                """.formatted(tree.rootHints(), tree.pfx2as());
    }

    @Test
    void findingsAreStoredRaisedOnceKeptOverARestartAndResolvedWhenTheZoneIsFixed(@TempDir Path dir) throws Exception {
        tree.serveFixable(PrivateDnsTree.FIXABLE_OLD_SERIAL);
        Path config = config(dir, auditSection());
        List<TrackedFinding> stored;
        try (var admin = new AdminHub(dir.resolve("data"), config)) {
            assertThat(admin.hub.audits().domains()).containsExactly(DOMAIN);
            admin.hub.audits().runOnce(DOMAIN);
            stored = admin.hub.database().auditFindings().findings(DOMAIN);
            assertThat(stored).isNotEmpty().allSatisfy(f -> assertThat(f.open()).isTrue());
            assertThat(stored).extracting(f -> f.finding().rule()).contains(AuditRule.DNS_SOA_SERIAL_MISMATCH);
            assertThat(newFindingsCounted(admin)).isEqualTo(stored.size());

            assertThat(admin.hub.audits().runOnce(DOMAIN)).isEmpty();
            assertThat(newFindingsCounted(admin)).isEqualTo(stored.size());
            String page = admin.page("/admin/findings", admin.login()).body();
            assertThat(page).contains("id=\"domain-" + DOMAIN + "\"").contains("Last run ")
                    .contains("data-rule=\"dns.soa.serial-mismatch\"").contains(String.valueOf(PrivateDnsTree.FIXABLE_OLD_SERIAL))
                    .contains("Zonemaster CONSISTENCY01").doesNotContain("failed:");
        }

        tree.serveFixable(PrivateDnsTree.FIXABLE_NEW_SERIAL);
        try (var restarted = new AdminHub(dir.resolve("data"), config)) {
            assertThat(restarted.hub.audits().runOnce(DOMAIN)).isEmpty();
            assertThat(newFindingsCounted(restarted)).isZero();

            var after = restarted.hub.database().auditFindings().findings(DOMAIN);
            assertThat(after).filteredOn(f -> f.finding().rule() == AuditRule.DNS_SOA_SERIAL_MISMATCH).singleElement()
                    .satisfies(f -> assertThat(f.resolvedAt()).isPresent());
            assertThat(after).filteredOn(TrackedFinding::open).hasSize(stored.size() - 1)
                    .allSatisfy(f -> assertThat(stored).anySatisfy(s -> assertThat(s.firstSeen()).isEqualTo(f.firstSeen())));
            String page = restarted.page("/admin/findings", restarted.login()).body();
            assertThat(page).containsPattern("<tr class=\"state-resolved\" data-rule=\"dns.soa.serial-mismatch\">");
            var api = restarted.get("/api/admin/v1/findings", restarted.readToken).body();
            assertThat(api).contains("\"domain\":\"" + DOMAIN + "\"").contains("\"state\":\"resolved\"").contains("\"last_run_error\":null");
        } finally {
            tree.serveFixable(PrivateDnsTree.FIXABLE_OLD_SERIAL);
        }
    }

    @Test
    void anAuditThatCannotRunShowsWhyAndTheHubStillServes(@TempDir Path dir) throws Exception {
        Path badAsn = Files.writeString(dir.resolve("pfx2as.txt"), "this is not pfx2as\n");
        Path config = config(dir, """
                audit:
                  domains: [fixable.test]
                  root_hints: %s
                  asn_db: %s
                """.formatted(tree.rootHints(), badAsn));
        try (var admin = new AdminHub(dir.resolve("data"), config)) {
            assertThat(admin.hub.audits().domains()).isEmpty();
            var page = admin.page("/admin/findings", admin.login());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"domain-fixable.test\"").contains("failed: the audit cannot run: ")
                    .contains("expected 'network&lt;TAB&gt;length&lt;TAB&gt;asn'").contains("No run has succeeded yet.");
            assertThat(admin.get("/", null).statusCode()).isEqualTo(200);
        }
    }

    private static long newFindingsCounted(AdminHub admin) {
        String metrics = admin.get("/metrics", admin.readToken).body();
        return Math.round(NEW_FINDINGS.matcher(metrics).results().mapToDouble(m -> Double.parseDouble(m.group(1))).sum());
    }
}
