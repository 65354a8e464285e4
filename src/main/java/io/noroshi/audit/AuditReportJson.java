package io.noroshi.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.noroshi.audit.inventory.BlastRadius;
import io.noroshi.audit.inventory.ServiceLoss;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as JSON for CI and other tools. Field names and rule ids are a stable interface: add fields,
 * never rename them.
 */
public final class AuditReportJson {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render(AuditReport report) {
        var root = new LinkedHashMap<String, Object>();
        root.put("subject", report.subject());
        root.put("checked_at", report.checkedAt().toString());
        root.put("exit_code", report.exitCode());
        var summary = new LinkedHashMap<String, Object>();
        for (Severity severity : Severity.values()) summary.put(severity.id(), report.count(severity));
        root.put("summary", summary);
        root.put("findings", report.findings().stream().map(AuditReportJson::finding).toList());
        root.put("blast_radius", report.blastRadii().stream().map(AuditReportJson::radius).toList());
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps and lists always serialise", e);
        }
    }

    private static Map<String, Object> finding(Finding finding) {
        var map = new LinkedHashMap<String, Object>();
        map.put("rule", finding.rule().id());
        map.put("severity", finding.severity().id());
        map.put("message", finding.message());
        map.put("evidence", finding.evidence());
        map.put("reference", finding.reference());
        return map;
    }

    private static Map<String, Object> radius(BlastRadius radius) {
        var map = new LinkedHashMap<String, Object>();
        var domain = new LinkedHashMap<String, Object>();
        domain.put("id", radius.failed().id());
        domain.put("kind", radius.failed().kind());
        domain.put("name", radius.failed().name());
        map.put("failure_domain", domain);
        map.put("down", radius.down().stream().map(AuditReportJson::loss).toList());
        map.put("degraded", radius.degraded());
        map.put("can_publish_status", radius.canPublishStatus());
        map.put("can_reach_customers", radius.canReachCustomers());
        map.put("vantage_points_left", radius.vantagePointsLeft());
        map.put("vantage_quorum", radius.vantageQuorum());
        return map;
    }

    private static Map<String, Object> loss(ServiceLoss loss) {
        var map = new LinkedHashMap<String, Object>();
        map.put("service", loss.service());
        map.put("kind", AuditReportText.lower(loss.kind()));
        map.put("direct", loss.direct());
        map.put("through", List.copyOf(loss.through()));
        return map;
    }
}
