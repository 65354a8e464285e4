package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.audit.AuditRule;
import io.noroshi.audit.AuditRun;
import io.noroshi.audit.Finding;
import io.noroshi.audit.Severity;
import io.noroshi.audit.TrackedFinding;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class AuditFindingStoreContractTest extends StoreContract {

    private static final Finding LAGGING = AuditRule.DNS_SOA_SERIAL_MISMATCH.finding(Severity.WARNING,
            "ns2.example.com. serves serial 1, ns1 serves 2", List.of("ns1.example.com. 192.0.2.1 serial 2", "ns2.example.com. 192.0.2.2 serial 1"));
    private static final Finding SINGLE_MX = AuditRule.DNS_MX_SINGLE.finding(Severity.NOTICE, "One MX host", List.of("mx.example.com."));
    private static final Finding NO_ASN = AuditRule.DNS_ASN_DB_ABSENT.finding(Severity.INFO, "No ASN database", List.of());

    AuditFindingStoreContractTest(Engine engine) {
        super(engine);
    }

    @Test
    void theFirstRunRaisesEveryFindingWithItsEvidenceAndMilliseconds() {
        List<TrackedFinding> raised = db().auditFindings().recordRun("example.com", at(0), List.of(SINGLE_MX, LAGGING, NO_ASN));

        assertThat(raised).extracting(TrackedFinding::finding).containsExactly(SINGLE_MX, LAGGING, NO_ASN);
        assertThat(db().auditFindings().findings("example.com")).extracting(TrackedFinding::finding).containsExactly(LAGGING, SINGLE_MX, NO_ASN);
        assertThat(db().auditFindings().findings("example.com")).allSatisfy(f -> {
            assertThat(f.firstSeen()).isEqualTo(at(0));
            assertThat(f.lastSeen()).isEqualTo(at(0));
            assertThat(f.open()).isTrue();
            assertThat(f.domain()).isEqualTo("example.com");
        });
        assertThat(db().auditFindings().lastRun("example.com")).contains(new AuditRun("example.com", at(0), Optional.empty(), Optional.of(at(0))));
    }

    @Test
    void aFindingSeenAgainIsNotRaisedAgainAndKeepsItsFirstSeen() {
        db().auditFindings().recordRun("example.com", at(0), List.of(LAGGING));
        var reworded = AuditRule.DNS_SOA_SERIAL_MISMATCH.finding(Severity.WARNING, "Serials differ", LAGGING.evidence());

        assertThat(db().auditFindings().recordRun("example.com", at(60), List.of(reworded))).isEmpty();

        assertThat(db().auditFindings().findings("example.com")).singleElement().satisfies(f -> {
            assertThat(f.firstSeen()).isEqualTo(at(0));
            assertThat(f.lastSeen()).isEqualTo(at(60));
            assertThat(f.finding().message()).isEqualTo("Serials differ");
        });
    }

    @Test
    void aFindingThatDisappearsIsResolvedAndRaisedAgainWhenItComesBack() {
        db().auditFindings().recordRun("example.com", at(0), List.of(LAGGING, SINGLE_MX));

        assertThat(db().auditFindings().recordRun("example.com", at(60), List.of(SINGLE_MX))).isEmpty();
        TrackedFinding resolved = db().auditFindings().findings("example.com").getLast();
        assertThat(resolved.finding()).isEqualTo(LAGGING);
        assertThat(resolved.resolvedAt()).contains(at(60));
        assertThat(resolved.lastSeen()).isEqualTo(at(0));
        assertThat(db().auditFindings().recordRun("example.com", at(120), List.of(SINGLE_MX))).isEmpty();
        assertThat(db().auditFindings().findings("example.com").getLast().resolvedAt()).contains(at(60));

        List<TrackedFinding> back = db().auditFindings().recordRun("example.com", at(180), List.of(SINGLE_MX, LAGGING));

        assertThat(back).extracting(TrackedFinding::finding).containsExactly(LAGGING);
        assertThat(db().auditFindings().findings("example.com")).allSatisfy(f -> assertThat(f.open()).isTrue())
                .filteredOn(f -> f.finding().equals(LAGGING)).singleElement()
                .satisfies(f -> assertThat(f.firstSeen()).isEqualTo(at(180)));
    }

    @Test
    void anotherSeverityOrEvidenceIsAnotherFinding() {
        db().auditFindings().recordRun("example.com", at(0), List.of(LAGGING));
        var worse = AuditRule.DNS_SOA_SERIAL_MISMATCH.finding(Severity.ERROR, LAGGING.message(), LAGGING.evidence());
        var otherServer = AuditRule.DNS_SOA_SERIAL_MISMATCH.finding(Severity.WARNING, LAGGING.message(), List.of("ns3.example.com. serial 1"));

        assertThat(db().auditFindings().recordRun("example.com", at(60), List.of(worse, otherServer))).hasSize(2);
        assertThat(db().auditFindings().findings("example.com")).extracting(TrackedFinding::open).containsExactly(true, true, false);
    }

    @Test
    void domainsAreKeptApart() {
        db().auditFindings().recordRun("example.com", at(0), List.of(LAGGING));

        assertThat(db().auditFindings().recordRun("example.net", at(0), List.of(LAGGING))).hasSize(1);
        db().auditFindings().recordRun("example.net", at(60), List.of());

        assertThat(db().auditFindings().findings("example.com")).singleElement().satisfies(f -> assertThat(f.open()).isTrue());
        assertThat(db().auditFindings().findings("example.net")).singleElement().satisfies(f -> assertThat(f.open()).isFalse());
        assertThat(db().auditFindings().findings("example.org")).isEmpty();
        assertThat(db().auditFindings().lastRun("example.org")).isEmpty();
    }

    @Test
    void aFailedRunKeepsTheFindingsAndTheTimeOfTheLastSuccess() {
        db().auditFindings().recordRun("example.com", at(0), List.of(LAGGING));

        db().auditFindings().recordFailure("example.com", at(60), "no root server answered: 203.0.113.1 timed out");

        assertThat(db().auditFindings().lastRun("example.com")).contains(new AuditRun("example.com", at(60),
                Optional.of("no root server answered: 203.0.113.1 timed out"), Optional.of(at(0))));
        assertThat(db().auditFindings().findings("example.com")).singleElement().satisfies(f -> assertThat(f.open()).isTrue());
        assertThat(db().auditFindings().recordRun("example.com", at(120), List.of(LAGGING))).isEmpty();
        assertThat(db().auditFindings().lastRun("example.com").orElseThrow().error()).isEmpty();
    }

    @Test
    void aFailureBeforeAnySuccessHasNoLastSuccess() {
        db().auditFindings().recordFailure("example.com", at(0), "");

        AuditRun run = db().auditFindings().lastRun("example.com").orElseThrow();
        assertThat(run.failed()).isTrue();
        assertThat(run.error()).contains("failed without a message");
        assertThat(run.lastSuccess()).isEmpty();
    }

    @Test
    void findingsSurviveARestart() {
        db().auditFindings().recordRun("example.com", at(0), List.of(LAGGING, SINGLE_MX));

        Database reopened = fresh.reopen();

        assertThat(reopened.auditFindings().recordRun("example.com", at(60), List.of(LAGGING, SINGLE_MX))).isEmpty();
        assertThat(reopened.auditFindings().findings("example.com")).extracting(TrackedFinding::firstSeen).containsOnly(at(0));
    }

    @Test
    void evidenceWithQuotesMarkupAndNewlinesComesBackEqual() {
        var odd = AuditRule.DNS_NS_LAME.finding(Severity.ERROR, "<script>alert(1)</script> \"lame\"",
                List.of("a\"b", "line\nbreak", "<b>x</b>", "日本語", "back\\slash"));
        db().auditFindings().recordRun("example.com", at(0), List.of(odd));

        assertThat(db().auditFindings().findings("example.com")).singleElement().satisfies(f -> assertThat(f.finding()).isEqualTo(odd));
    }
}
