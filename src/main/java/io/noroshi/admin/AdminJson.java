package io.noroshi.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.account.ApiToken;
import io.noroshi.account.AuditEntry;
import io.noroshi.account.Operator;
import io.noroshi.component.ComponentState;
import io.noroshi.config.Text;
import io.noroshi.incident.AffectedComponent;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentUpdate;
import io.noroshi.incident.Maintenance;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** How admin API answers and audit entries show the domain: snake_case JSON, ISO-8601 times. */
public final class AdminJson {

    private final ObjectMapper mapper = new ObjectMapper();

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    public Map<String, Object> incident(Incident incident) {
        var map = incidentHead(incident);
        map.put("postmortem", text(incident.postmortem()));
        map.put("updates", incident.updates().stream().map(AdminJson::update).toList());
        return map;
    }

    /** The incident without its updates: what the audit log keeps as before and after. */
    public Map<String, Object> incidentHead(Incident incident) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", incident.id());
        map.put("name", text(incident.name()));
        map.put("status", incident.status().wire());
        map.put("impact", incident.impact().wire());
        map.put("created_at", time(incident.createdAt()));
        map.put("updated_at", time(incident.updatedAt()));
        map.put("resolved_at", incident.resolvedAt().map(AdminJson::time).orElse(null));
        map.put("component_ids", incident.componentIds());
        map.put("update_count", incident.updates().size());
        return map;
    }

    public static Map<String, Object> update(IncidentUpdate update) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", update.id());
        map.put("status", update.status());
        map.put("body", text(update.body()));
        map.put("created_at", time(update.createdAt()));
        map.put("affected_components", update.affected().stream().map(AdminJson::affected).toList());
        return map;
    }

    private static Map<String, Object> affected(AffectedComponent a) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", a.componentId());
        map.put("old_status", a.oldStatus().wire());
        map.put("new_status", a.newStatus().wire());
        return map;
    }

    public Map<String, Object> maintenance(Maintenance m) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", m.id());
        map.put("name", text(m.name()));
        map.put("status", m.status().wire());
        map.put("impact", m.impact().wire());
        map.put("scheduled_for", time(m.scheduledFor()));
        map.put("scheduled_until", time(m.scheduledUntil()));
        map.put("created_at", time(m.createdAt()));
        map.put("updated_at", time(m.updatedAt()));
        map.put("component_ids", m.componentIds());
        map.put("auto_start", m.autoStart());
        map.put("auto_complete", m.autoComplete());
        map.put("updates", m.updates().stream().map(AdminJson::update).toList());
        return map;
    }

    public static Map<String, Object> component(ComponentState state) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", state.componentId());
        map.put("status", state.status().wire());
        map.put("overridden", state.overridden());
        map.put("updated_at", time(state.updatedAt()));
        return map;
    }

    /** A token as listed: never its hash or secret. */
    public static Map<String, Object> token(ApiToken token) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", token.id());
        map.put("name", token.name());
        map.put("prefix", token.prefix());
        map.put("scope", token.scope().wire());
        map.put("operator_id", token.operatorId());
        map.put("created_at", time(token.createdAt()));
        map.put("last_used_at", token.lastUsedAt().map(AdminJson::time).orElse(null));
        map.put("revoked_at", token.revokedAt().map(AdminJson::time).orElse(null));
        return map;
    }

    public static Map<String, Object> operator(Operator operator) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", operator.id());
        map.put("email", operator.email());
        map.put("created_at", time(operator.createdAt()));
        return map;
    }

    public static Map<String, Object> audit(AuditEntry entry) {
        var map = new LinkedHashMap<String, Object>();
        map.put("seq", entry.seq());
        map.put("at", time(entry.at()));
        map.put("actor", entry.actor());
        map.put("action", entry.action());
        map.put("target", entry.target());
        map.put("before", entry.before());
        map.put("after", entry.after());
        return map;
    }

    public static Map<String, String> text(Text text) {
        return new java.util.TreeMap<>(text.byLanguage());
    }

    public static String time(Instant at) {
        return at.toString();
    }

}
