package io.noroshi.audit;

import io.noroshi.audit.inventory.BlastRadius;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of one audit run, live DNS or inventory.
 *
 * @param subject    what was audited: a domain or a config file
 * @param checkedAt  when the run finished (from the injected clock)
 * @param findings   every finding, most severe first
 * @param blastRadii what each failure domain takes down (inventory audits); empty for a live DNS audit
 */
public record AuditReport(String subject, Instant checkedAt, List<Finding> findings, List<BlastRadius> blastRadii) {

    /** Exit code for scripts and CI: nothing worse than a notice. */
    public static final int CLEAN = 0;
    /** Exit code: at least one warning, no error. */
    public static final int WARNINGS = 1;
    /** Exit code: at least one error. */
    public static final int ERRORS = 2;

    public AuditReport {
        findings = findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
        blastRadii = List.copyOf(blastRadii);
    }

    public int exitCode() {
        if (count(Severity.ERROR) > 0) return ERRORS;
        if (count(Severity.WARNING) > 0) return WARNINGS;
        return CLEAN;
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Findings of one rule, for tests and callers that care about one thing. */
    public List<Finding> findings(AuditRule rule) {
        return findings.stream().filter(f -> f.rule() == rule).toList();
    }

    /** Two reports about different things read as one (a domain and a config audited together). */
    public AuditReport and(AuditReport other) {
        var all = new java.util.ArrayList<>(findings);
        all.addAll(other.findings);
        var radii = new java.util.ArrayList<>(blastRadii);
        radii.addAll(other.blastRadii);
        Instant later = checkedAt.isAfter(other.checkedAt) ? checkedAt : other.checkedAt;
        return new AuditReport(subject + " + " + other.subject, later, all, radii);
    }
}
