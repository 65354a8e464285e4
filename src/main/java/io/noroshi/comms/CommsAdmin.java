package io.noroshi.comms;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.admin.AdminJson;
import io.noroshi.admin.AdminFeature;
import io.noroshi.admin.ApiRoute;
import io.noroshi.admin.UnknownTarget;
import io.noroshi.incident.IncidentStore;
import io.noroshi.admin.Params;
import io.noroshi.admin.Payload;
import io.noroshi.admin.SessionGate;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.web.ApiErrors.BadRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The communication feature's admin side: {@code POST /api/admin/v1/lint} (a dry run: stores
 * nothing) and the page {@code /admin/lint}, where the incident page's "Check" button shows the
 * findings on an update before it is published, with the form to publish it (or publish over them).
 */
public final class CommsAdmin implements AdminFeature {

    private static final Set<String> LINT_FIELDS = Set.of("body", "status", "incident_id", "impact", "previous",
            CommsUpdates.NEXT_UPDATE_BY, CommsUpdates.ESTIMATE_AT, CommsUpdates.ESTIMATE_CONFIDENCE);

    private final LintReview lint;
    private final IncidentStore incidents;
    private final SessionGate gate;
    private final AdminJson json;

    private final CommsStore store;

    public CommsAdmin(LintReview lint, IncidentStore incidents, CommsStore store, SessionGate gate, AdminJson json) {
        this.store = store;
        this.lint = lint;
        this.incidents = incidents;
        this.gate = gate;
        this.json = json;
    }

    @Override
    public List<ApiRoute> apiRoutes() {
        return List.of(new ApiRoute(HandlerType.POST, "/lint", Scope.READ,
                "Lint an update's text before publishing it (dry run, stores nothing): findings with rule, severity, message, suggestion",
                "LintRequest", 200, this::lintApi));
    }

    @Override
    public void registerPages(JavalinConfig config) {
        config.routes.get("/admin/lint", ctx -> page(ctx, null, Map.of(), List.of()));
        config.routes.post("/admin/lint", this::lintPage);
    }

    void lintApi(Context ctx, Actor actor) {
        var body = Payload.parse(ctx.body(), LINT_FIELDS);
        Text text = body.text("body");
        if (text.isEmpty()) throw new BadRequest("body", "is required: the update's text, a string or {\"en\": ..., \"ja\": ...}");
        IncidentStatus status = body.choice("status", IncidentStatus.INVESTIGATING, CommsAdmin::status, "investigating, identified, monitoring, resolved");
        var extras = new HashMap<String, String>();
        for (String f : List.of(CommsUpdates.NEXT_UPDATE_BY, CommsUpdates.ESTIMATE_AT, CommsUpdates.ESTIMATE_CONFIDENCE)) body.scalar(f).ifPresent(v -> extras.put(f, v));
        var given = CommsUpdates.structured(extras);
        List<Map<String, Object>> findings;
        if (body.has("incident_id")) {
            Incident incident = find(body.requiredString("incident_id"));
            findings = lint.findings(Optional.of(incident), status, text, given.nextUpdateBy().isPresent(), given.estimateGiven());
        } else {
            Optional<Impact> impact = body.has("impact") ? Optional.of(body.choice("impact", Impact.MINOR, Impact::fromWire, "none, minor, major, critical"))
                    : Optional.empty();
            findings = lint.findings(body.text("previous"), impact, status, text, given.nextUpdateBy().isPresent(), given.estimateGiven());
        }
        Params.json(ctx, 200, json.write(Map.of("findings", findings)));
    }

    private void lintPage(Context ctx) {
        var form = new HashMap<String, String>();
        ctx.formParamMap().forEach((k, v) -> {
            if (!v.isEmpty() && !k.equals("csrf")) form.put(k, v.getFirst());
        });
        String incidentId = form.get("incident_id");
        Incident incident = incidentId == null || incidentId.isEmpty() ? null : find(incidentId);
        List<Map<String, Object>> findings;
        try {
            Text text = Text.of(blankToNull(form.get("body_en")), blankToNull(form.get("body_ja")));
            var given = CommsUpdates.structured(form);
            findings = lint.findings(Optional.ofNullable(incident), status(form.getOrDefault("status", "investigating")), text,
                    given.nextUpdateBy().isPresent(), given.estimateGiven());
        } catch (BadRequest | IllegalArgumentException e) {
            String field = e instanceof BadRequest b ? b.field() + ": " : "";
            SessionGate.back(ctx, incident == null ? "/admin/lint" : "/admin/incidents/" + incident.id(), "error", field + e.getMessage());
            return;
        }
        page(ctx, incident, form, findings);
    }

    private void page(Context ctx, Incident incident, Map<String, String> form, List<Map<String, Object>> findings) {
        gate.render(ctx, "admin/comms_lint.jte", "chrome", gate.chrome(ctx, "Check an update"), "incident", incident, "form", form,
                "findings", findings, "checked", !form.isEmpty());
    }

    private Incident find(String id) {
        return incidents.find(id).orElseThrow(() -> new UnknownTarget("incident", id));
    }

    private static IncidentStatus status(String wire) {
        if (wire.equals("postmortem")) throw new IllegalArgumentException(wire);
        return IncidentStatus.fromWire(wire);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
