package io.noroshi.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.web.ApiErrors.BadRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin pages for running incidents, maintenance and component overrides. Forms post plain
 * fields; the same commands as the API do the work, and a refusal comes back above the form.
 */
public final class IncidentPages {

    private final SessionGate gate;
    private final IncidentCommands incidents;
    private final MaintenanceCommands maintenance;
    private final ComponentOverrides overrides;
    private final AuditTrail audit;

    public IncidentPages(SessionGate gate, IncidentCommands incidents, MaintenanceCommands maintenance, ComponentOverrides overrides, AuditTrail audit) {
        this.gate = gate;
        this.incidents = incidents;
        this.maintenance = maintenance;
        this.overrides = overrides;
        this.audit = audit;
    }

    void register(JavalinConfig config) {
        config.routes.get("/admin/incidents", this::list);
        config.routes.post("/admin/incidents", this::open);
        config.routes.get("/admin/incidents/{id}", this::detail);
        config.routes.post("/admin/incidents/{id}/updates", this::update);
        config.routes.post("/admin/incidents/{id}/resolve", this::resolve);
        config.routes.post("/admin/incidents/{id}/impact", this::impact);
        config.routes.post("/admin/incidents/{id}/postmortem", this::postmortem);
        config.routes.post("/admin/incidents/{id}/reopen", this::reopen);
        config.routes.get("/admin/maintenance", this::maintenanceList);
        config.routes.post("/admin/maintenance", this::schedule);
        config.routes.post("/admin/maintenance/{id}/{step}", this::step);
        config.routes.get("/admin/components", this::components);
        config.routes.post("/admin/components/{id}", this::override);
    }

    private void list(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        gate.render(ctx, "admin/incidents.jte", "chrome", gate.chrome(ctx, "title.incidents"), "incidents", incidents.search("all", q, 0, 100),
                "components", overridesConfig(), "query", q);
    }

    private void detail(Context ctx) {
        var incident = incidents.find(ctx.pathParam("id"));
        gate.render(ctx, "admin/incident.jte", "chrome", gate.chrome(ctx, incident.name().in(SessionGate.text(ctx).lang())), "incident", incident,
                "components", overridesConfig(), "states", overrides.list(), "audit", audit.recent(IncidentCommands.target(incident.id()), 100));
    }

    private void open(Context ctx) {
        attempt(ctx, "/admin/incidents", () -> {
            var draft = new IncidentDraft(text(ctx, "name"), Impact.fromWire(String.valueOf(ctx.formParam("impact"))), draft(ctx));
            var opened = incidents.open(gate.actor(ctx), draft);
            ctx.redirect("/admin/incidents/" + opened.id());
        }, null);
    }

    private void update(Context ctx) {
        String id = ctx.pathParam("id");
        attempt(ctx, "/admin/incidents/" + id, () -> incidents.update(gate.actor(ctx), id, draft(ctx)), SessionGate.text(ctx).t("notice.update_posted"));
    }

    /**
     * Resolving is its own action: the closing message, and the affected components set back (operational
     * unless chosen otherwise). The confirmation says what the public page now shows.
     */
    private void resolve(Context ctx) {
        String id = ctx.pathParam("id");
        String to = "/admin/incidents/" + id;
        try {
            var before = incidents.find(id);
            var draft = draft(ctx);
            var resolved = incidents.update(gate.actor(ctx), id, new UpdateDraft(IncidentStatus.RESOLVED, draft.body(), draft.changes(),
                    draft.notifySubscribers()));
            SessionGate.back(ctx, to, "notice", publicNowShows(SessionGate.text(ctx), resolved.name().in(SessionGate.text(ctx).lang()), before.componentIds()));
        } catch (BadRequest e) {
            SessionGate.back(ctx, to, "error", e.getMessage(), formField(e.field()));
        } catch (InvalidTransition | IllegalArgumentException | NotYetPublic e) {
            SessionGate.back(ctx, to, "error", e.getMessage());
        }
    }

    /** The confirmation of a resolve, in the public's terms. */
    private String publicNowShows(AdminText text, String title, List<String> affected) {
        var states = new java.util.LinkedHashMap<String, ComponentStatus>();
        overrides.list().forEach(st -> states.put(st.componentId(), st.status()));
        var names = new java.util.LinkedHashMap<String, String>();
        overrides.configured().forEach(c -> names.put(c.id(), c.name().in(text.lang())));
        var parts = new ArrayList<String>();
        for (String component : affected) {
            ComponentStatus now = states.get(component);
            if (now != null) parts.add(text.t("notice.component_now", names.getOrDefault(component, component),
                    text.status(now).toLowerCase(java.util.Locale.forLanguageTag(text.lang()))));
        }
        return parts.isEmpty() ? text.t("notice.resolved", title, text.status(IncidentStatus.RESOLVED))
                : text.t("notice.resolved_components", title, text.status(IncidentStatus.RESOLVED), String.join(text.t("notice.list_separator"), parts));
    }

    private void impact(Context ctx) {
        String id = ctx.pathParam("id");
        attempt(ctx, "/admin/incidents/" + id, () -> incidents.setImpact(gate.actor(ctx), id,
                Impact.fromWire(String.valueOf(ctx.formParam("impact")))), SessionGate.text(ctx).t("notice.impact_changed"));
    }

    private void postmortem(Context ctx) {
        String id = ctx.pathParam("id");
        attempt(ctx, "/admin/incidents/" + id, () -> incidents.attachPostmortem(gate.actor(ctx), id, text(ctx, "body")), SessionGate.text(ctx).t("notice.postmortem_attached"));
    }

    private void reopen(Context ctx) {
        String id = ctx.pathParam("id");
        attempt(ctx, "/admin/incidents/" + id, () -> incidents.reopen(gate.actor(ctx), id, new UpdateDraft(
                IncidentStatus.fromWire(String.valueOf(ctx.formParam("status"))), text(ctx, "reason"), List.of(),
                "true".equals(ctx.formParam("notify")))), SessionGate.text(ctx).t("notice.incident_reopened"));
    }

    private void maintenanceList(Context ctx) {
        gate.render(ctx, "admin/maintenance.jte", "chrome", gate.chrome(ctx, "title.maintenance"), "maintenance", maintenance.list(100),
                "components", overridesConfig());
    }

    private void schedule(Context ctx) {
        attempt(ctx, "/admin/maintenance", () -> maintenance.schedule(gate.actor(ctx), new MaintenanceDraft(text(ctx, "name"), Impact.MINOR,
                time(ctx, "scheduled_for"), time(ctx, "scheduled_until"), ctx.formParams("component_ids"), text(ctx, "body"))), SessionGate.text(ctx).t("notice.maintenance_scheduled"));
    }

    private void step(Context ctx) {
        String id = ctx.pathParam("id");
        attempt(ctx, "/admin/maintenance", () -> {
            maintenance.step(gate.actor(ctx), id, ctx.pathParam("step"), Text.EMPTY);
        }, SessionGate.text(ctx).t("notice.maintenance_updated"));
    }

    private void components(Context ctx) {
        gate.render(ctx, "admin/components.jte", "chrome", gate.chrome(ctx, "title.components"), "states", overrides.list(),
                "components", overridesConfig());
    }

    private void override(Context ctx) {
        String status = ctx.formParam("status");
        attempt(ctx, "/admin/components", () -> {
            if (status == null || status.isEmpty()) overrides.clear(gate.actor(ctx), ctx.pathParam("id"));
            else overrides.set(gate.actor(ctx), ctx.pathParam("id"), ComponentStatus.fromWire(status));
        }, SessionGate.text(ctx).t("notice.component_updated"));
    }

    /** Runs a change; a refusal (bad field, wrong state) goes back to {@code to} with its message. */
    void attempt(Context ctx, String to, Runnable change, String notice) {
        try {
            change.run();
            if (notice != null) SessionGate.back(ctx, to, "notice", notice);
        } catch (BadRequest e) {
            // Beside the form field it is about; the refused form's values come back with it.
            String field = formField(e.field());
            SessionGate.back(ctx, to, "error", field.isEmpty() && !e.field().isEmpty() ? e.field() + ": " + e.getMessage() : e.getMessage(), field);
        } catch (UpdateRefused e) {
            var lines = new StringBuilder(e.getMessage());
            for (var f : e.findings()) lines.append("\n• ").append(f.get("rule")).append(" (").append(f.get("language")).append("): ")
                    .append(f.get("message")).append(" ").append(f.get("suggestion"));
            SessionGate.back(ctx, to, "error", lines.toString());
        } catch (InvalidTransition | IllegalArgumentException | NotYetPublic e) {
            SessionGate.back(ctx, to, "error", e.getMessage());
        }
    }

    /** The form field (its element id) an API field's error is shown beside; empty when no form has it. */
    static String formField(String apiField) {
        return switch (apiField) {
            case "name", "body", "reason" -> apiField + "_en";
            case "status", "impact", "scheduled_for", "scheduled_until" -> apiField;
            default -> "";
        };
    }

    private UpdateDraft draft(Context ctx) {
        var changes = new ArrayList<ComponentChange>();
        for (var component : overrides.list()) {
            String value = ctx.formParam("component." + component.componentId());
            if (value != null && !value.isEmpty()) changes.add(new ComponentChange(component.componentId(), ComponentStatus.fromWire(value)));
        }
        var extras = new java.util.HashMap<String, String>();
        for (String field : incidents.reviewFields()) {
            String value = strip(ctx.formParam(field));
            if (value != null && !value.isEmpty()) extras.put(field, value);
        }
        return new UpdateDraft(IncidentStatus.fromWire(String.valueOf(ctx.formParam("status"))), text(ctx, "body"), changes,
                "true".equals(ctx.formParam("notify")), extras);
    }

    private static Text text(Context ctx, String field) {
        return Text.of(strip(ctx.formParam(field + "_en")), strip(ctx.formParam(field + "_ja")));
    }

    private static String strip(String value) {
        if (value != null && value.length() > Payload.MAX_TEXT) throw new BadRequest("body", "is longer than " + Payload.MAX_TEXT + " characters");
        return value == null ? null : value.strip();
    }

    private static Instant time(Context ctx, String field) {
        try {
            return Instant.parse(String.valueOf(ctx.formParam(field)).strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest(field, "must be a UTC time such as 2026-03-01T09:00:00Z");
        }
    }

    private List<io.noroshi.config.Component> overridesConfig() {
        return overrides.configured();
    }
}
