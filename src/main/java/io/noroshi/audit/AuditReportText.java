package io.noroshi.audit;

import io.noroshi.audit.inventory.BlastRadius;
import io.noroshi.audit.inventory.ServiceLoss;
import java.util.List;
import java.util.Locale;

/** The report as a person reads it in a terminal: findings grouped by severity, then each blast radius. */
public final class AuditReportText {

    public String render(AuditReport report) {
        var out = new StringBuilder();
        out.append("Audit of ").append(report.subject()).append(" at ").append(report.checkedAt()).append("\n");
        for (Severity severity : Severity.values()) {
            List<Finding> findings = report.findings().stream().filter(f -> f.severity() == severity).toList();
            if (findings.isEmpty()) continue;
            out.append("\n").append(heading(severity)).append(" (").append(findings.size()).append(")\n");
            for (Finding finding : findings) {
                out.append("  [").append(finding.rule().id()).append("] ").append(finding.message()).append("\n");
                for (String line : finding.evidence()) out.append("      ").append(line).append("\n");
                out.append("      see ").append(finding.reference()).append("\n");
            }
        }
        if (report.findings().isEmpty()) out.append("\nNo findings.\n");
        if (!report.blastRadii().isEmpty()) {
            out.append("\nBLAST RADIUS\n");
            for (BlastRadius radius : report.blastRadii()) blastRadius(radius, out);
        }
        out.append("\n").append(report.count(Severity.ERROR)).append(" error(s), ").append(report.count(Severity.WARNING))
                .append(" warning(s), ").append(report.count(Severity.NOTICE)).append(" notice(s); exit ").append(report.exitCode()).append("\n");
        return out.toString();
    }

    private static void blastRadius(BlastRadius radius, StringBuilder out) {
        out.append("  If ").append(radius.failed().kind()).append(" ").append(radius.failed().id())
                .append(" (").append(radius.failed().name()).append(") fails:\n");
        if (radius.down().isEmpty()) {
            out.append("      nothing goes down\n");
        } else {
            out.append("      down: ").append(String.join(", ", radius.down().stream().map(AuditReportText::loss).toList())).append("\n");
        }
        if (!radius.degraded().isEmpty()) out.append("      degraded: ").append(String.join(", ", radius.degraded())).append("\n");
        out.append("      status page: ").append(radius.canPublishStatus() ? "still publishes" : "CANNOT PUBLISH")
                .append("; customers: ").append(radius.canReachCustomers() ? "still reachable" : "CANNOT BE REACHED");
        if (radius.vantageQuorum() > 0) {
            out.append("; vantage points left ").append(radius.vantagePointsLeft()).append(" (quorum ").append(radius.vantageQuorum()).append(")");
        }
        out.append("\n");
    }

    private static String loss(ServiceLoss loss) {
        return loss.direct() ? loss.service() : loss.service() + " (via " + String.join(" <- ", loss.through().reversed()) + ")";
    }

    private static String heading(Severity severity) {
        return switch (severity) {
            case ERROR -> "ERRORS";
            case WARNING -> "WARNINGS";
            case NOTICE -> "NOTICES";
            case INFO -> "INFO";
        };
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
