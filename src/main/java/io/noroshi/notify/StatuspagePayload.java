package io.noroshi.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noroshi.config.Component;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.incident.IncidentUpdate;
import io.noroshi.incident.Incident;
import io.noroshi.incident.Maintenance;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Atlassian Statuspage's webhook payload: {@code meta}, {@code page} and an {@code incident} (for incidents and
 * maintenance) or a {@code component_update} with its {@code component}. Field names follow Statuspage's so
 * receivers written for it work unchanged; texts are in the page's default language.
 */
public final class StatuspagePayload {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatuspagePayload() {
    }

    static String incident(NoroshiConfig config, Incident i, URI link, URI base) {
        ObjectNode root = head(config, base, i.impact().wire());
        String lang = config.page().defaultLanguage();
        ObjectNode incident = root.putObject("incident");
        incident.put("id", i.id());
        incident.put("page_id", config.page().id());
        incident.put("name", i.name().in(lang));
        incident.put("status", i.status().wire());
        incident.put("impact", i.impact().wire());
        incident.put("created_at", i.createdAt().toString());
        incident.put("updated_at", i.updatedAt().toString());
        incident.put("resolved_at", i.resolvedAt().map(Instant::toString).orElse(null));
        incident.put("shortlink", link.toString());
        incident.putNull("scheduled_for");
        incident.putNull("scheduled_until");
        updates(incident, i.id(), i.updates(), lang);
        components(incident, config, i.componentIds(), i.updates());
        return root.toString();
    }

    static String maintenance(NoroshiConfig config, Maintenance m, URI link, URI base) {
        ObjectNode root = head(config, base, "maintenance");
        String lang = config.page().defaultLanguage();
        ObjectNode incident = root.putObject("incident");
        incident.put("id", m.id());
        incident.put("page_id", config.page().id());
        incident.put("name", m.name().in(lang));
        incident.put("status", m.status().wire());
        incident.put("impact", "maintenance");
        incident.put("created_at", m.createdAt().toString());
        incident.put("updated_at", m.updatedAt().toString());
        incident.putNull("resolved_at");
        incident.put("shortlink", link.toString());
        incident.put("scheduled_for", m.scheduledFor().toString());
        incident.put("scheduled_until", m.scheduledUntil().toString());
        updates(incident, m.id(), m.updates(), lang);
        components(incident, config, m.componentIds(), m.updates());
        return root.toString();
    }

    /** A component's status changed: {@code component_update} and {@code component}. */
    public static String component(NoroshiConfig config, URI base, String componentId, String oldStatus, String newStatus, Instant at,
                                   String updateId) {
        ObjectNode root = head(config, base, newStatus.equals("operational") ? "none" : "minor");
        ObjectNode update = root.putObject("component_update");
        update.put("created_at", at.toString());
        update.put("new_status", newStatus);
        update.put("old_status", oldStatus);
        update.put("id", updateId);
        update.put("component_id", componentId);
        ObjectNode component = root.putObject("component");
        component.put("created_at", at.toString());
        component.put("id", componentId);
        component.put("name", config.component(componentId).map(c -> c.name().in(config.page().defaultLanguage())).orElse(componentId));
        component.put("status", newStatus);
        return root.toString();
    }

    private static ObjectNode head(NoroshiConfig config, URI base, String indicator) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode meta = root.putObject("meta");
        meta.put("unsubscribe", base.resolve("/subscribe/manage").toString());
        meta.put("documentation", base.resolve("/subscribe").toString());
        meta.put("generated_at", Instant.now().toString());
        ObjectNode page = root.putObject("page");
        page.put("id", config.page().id());
        page.put("status_indicator", indicator);
        page.put("status_description", switch (indicator) {
            case "none" -> "All Systems Operational";
            case "minor" -> "Minor Service Outage";
            case "major" -> "Partial System Outage";
            case "critical" -> "Major Service Outage";
            default -> "Service Under Maintenance";
        });
        return root;
    }

    private static void updates(ObjectNode incident, String id, List<IncidentUpdate> updates, String lang) {
        var array = incident.putArray("incident_updates");
        for (int k = updates.size() - 1; k >= 0; k--) {
            IncidentUpdate u = updates.get(k);
            ObjectNode node = array.addObject();
            node.put("id", u.id());
            node.put("incident_id", id);
            node.put("status", u.status());
            node.put("body", u.body().in(lang));
            node.put("created_at", u.createdAt().toString());
            node.put("updated_at", u.createdAt().toString());
            node.put("display_at", u.createdAt().toString());
            var affected = node.putArray("affected_components");
            u.affected().forEach(a -> affected.addObject().put("code", a.componentId()).put("old_status", a.oldStatus().wire())
                    .put("new_status", a.newStatus().wire()));
        }
    }

    private static void components(ObjectNode incident, NoroshiConfig config, List<String> ids, List<IncidentUpdate> updates) {
        var array = incident.putArray("components");
        String lang = config.page().defaultLanguage();
        for (String id : ids) {
            String status = "operational";
            for (IncidentUpdate u : updates) {
                for (var a : u.affected()) if (a.componentId().equals(id)) status = a.newStatus().wire();
            }
            ObjectNode c = array.addObject();
            c.put("id", id);
            c.put("name", config.component(id).map(Component::name).map(t -> t.in(lang)).orElse(id));
            c.put("status", status);
        }
    }
}
