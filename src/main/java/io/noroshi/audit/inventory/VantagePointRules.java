package io.noroshi.audit.inventory;

import io.noroshi.audit.AuditRule;
import io.noroshi.audit.Finding;
import io.noroshi.audit.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * An outage is declared when a quorum of vantage points agree; judges whether one failure leaves too few of
 * them to reach it, or none at all beside what failed.
 */
final class VantagePointRules {

    List<Finding> check(List<VantagePoint> points, List<BlastRadius> radii, Roles roles) {
        var findings = new ArrayList<Finding>();
        if (points.isEmpty()) {
            findings.add(AuditRule.INVENTORY_VANTAGE_POINTS_MISSING.finding(Severity.NOTICE, "No monitoring vantage points are declared"
                    + " (services of kind monitoring): outages are confirmed from the hub alone.", List.of()));
            return findings;
        }
        var blind = new ArrayList<String>();
        for (BlastRadius radius : radii) {
            boolean reportedFall = radius.down().stream().anyMatch(l -> roles.reported(l.service()));
            String where = radius.failed().kind() + " " + radius.failed().id();
            if (radius.vantagePointsLeft() == 0 && reportedFall) {
                blind.add(where + ": 0 of " + points.size() + " vantage points left");
            } else if (radius.vantagePointsLeft() < radius.vantageQuorum()) {
                findings.add(AuditRule.INVENTORY_VANTAGE_QUORUM.finding(reportedFall ? Severity.ERROR : Severity.WARNING,
                        "When " + where + " fails, " + radius.vantagePointsLeft() + " of " + points.size() + " vantage points are left,"
                                + " fewer than the quorum of " + radius.vantageQuorum() + ": the outage cannot be confirmed.",
                        List.of(where, "vantage points: " + String.join(", ", points.stream().map(p -> p.id() + " at " + p.site()).toList()))));
            }
        }
        if (!blind.isEmpty()) {
            findings.add(AuditRule.INVENTORY_MONITORING_SHARES_SITE.finding(Severity.ERROR, "Every monitoring vantage point sits where"
                    + " the services it watches do: nobody is left to see the outage.", blind));
        }
        return findings;
    }
}
