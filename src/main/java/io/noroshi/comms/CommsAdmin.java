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
 * findings on an update before it is published, with the form to publish it (or publish over them); the
 * first-notice drafts (API and the page {@code /admin/drafts}); the incident's roles, reminders and report.
 */
public final class CommsAdmin implements AdminFeature {

    private static final Set<String> LINT_FIELDS = Set.of("body", "status", "incident_id", "impact", "previous",
            CommsUpdates.NEXT_UPDATE_BY, CommsUpdates.ESTIMATE_AT, CommsUpdates.ESTIMATE_CONFIDENCE);

    private final LintReview lint;
    private final IncidentStore incidents;
    private final SessionGate gate;
    private final AdminJson json;

    private final CommsStore store;
    private final java.util.function.Supplier<Optional<FirstNotices>> firstNotices;

    private final IncidentReport report;
    private final TeamRoles holders;
    private final java.util.function.Consumer<JavalinConfig> draftsPage;
    private static final List<String> roles = List.of(TeamRoles.COMMANDER, TeamRoles.COMMS_LEAD);

    public CommsAdmin(LintReview lint, IncidentStore incidents, CommsStore store, java.util.function.Supplier<Optional<FirstNotices>> firstNotices,
                      IncidentReport report, TeamRoles holders, SessionGate gate, AdminJson json,
                      java.util.function.Consumer<JavalinConfig> draftsPage) {
        this.draftsPage = draftsPage;
        this.report = report;
        this.holders = holders;
        this.firstNotices = firstNotices;
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
                "LintRequest", 200, this::lintApi),
                new ApiRoute(HandlerType.GET, "/comms/drafts", Scope.READ, "First-notice drafts waiting to be published or taken over", "", 200, this::drafts),
                new ApiRoute(HandlerType.POST, "/comms/drafts/{id}/take", Scope.INCIDENTS, "Take a draft over: it is never published by itself", "", 200, this::take),
                new ApiRoute(HandlerType.POST, "/comms/drafts/{id}/publish", Scope.INCIDENTS, "Publish a draft as an incident (body optional)", "Resolution", 201, this::publish),
                new ApiRoute(HandlerType.POST, "/comms/drafts/{id}/dismiss", Scope.INCIDENTS, "Dismiss a draft", "", 200, this::dismiss),
                new ApiRoute(HandlerType.GET, "/comms/incidents/{id}", Scope.READ,
                        "An incident's promises, estimates, reminders sent, recovery suggestions and first-notice draft", "", 200, this::incident),
                new ApiRoute(HandlerType.POST, "/comms/incidents/{id}/ack", Scope.INCIDENTS,
                        "Acknowledge the incident's reminders (an unacknowledged one escalates to the next person on call)", "", 200, this::ack),
                new ApiRoute(HandlerType.GET, "/comms/incidents/{id}/report", Scope.READ,
                        "The post-incident report as Markdown ({\"markdown\": ...}) with its figures", "", 200, this::report));
    }

    @Override
    public void registerPages(JavalinConfig config) {
        config.routes.get("/admin/lint", ctx -> page(ctx, null, Map.of(), List.of()));
        config.routes.post("/admin/lint", this::lintPage);
        config.routes.get("/admin/incidents/{id}/communication", this::communicationPage);
        draftsPage.accept(config);
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

    private FirstNotices notices() {
        return firstNotices.get().orElseThrow(() -> new IllegalStateException("first notices are not running yet"));
    }

    void drafts(Context ctx, Actor actor) {
        Params.json(ctx, 200, json.write(Map.of("drafts", notices().open().stream().map(CommsAdmin::draft).toList())));
    }

    void take(Context ctx, Actor actor) {
        Params.json(ctx, 200, json.write(draft(notices().take(actor, ctx.pathParam("id")))));
    }

    void publish(Context ctx, Actor actor) {
        var body = ctx.body().isBlank() ? Payload.parse("{}", Set.of("body")) : Payload.parse(ctx.body(), Set.of("body"));
        Incident opened = notices().publish(actor, ctx.pathParam("id"), body.text("body"));
        Params.json(ctx, 201, json.write(json.incident(opened)));
    }

    void dismiss(Context ctx, Actor actor) {
        Params.json(ctx, 200, json.write(draft(notices().dismiss(actor, ctx.pathParam("id")))));
    }

    void incident(Context ctx, Actor actor) {
        String id = ctx.pathParam("id");
        find(id);
        var out = new java.util.LinkedHashMap<String, Object>();
        out.put("promises", store.promises(id).stream().map(p -> Map.of("update_id", p.updateId(), "posted_at", p.postedAt().toString(),
                "next_update_by", p.nextUpdateBy().map(Object::toString).orElse(""))).toList());
        out.put("estimates", store.estimates(id).stream().map(e -> Map.of("at", e.at().toString(), "kind", e.kind().wire(),
                "estimate_at", e.estimateAt().map(Object::toString).orElse(""), "confidence", e.confidence())).toList());
        out.put("reminders", store.reminders(id).stream().map(r -> Map.of("kind", r.kind(), "due_at", r.dueAt().toString(),
                "sent_at", r.sentAt().toString(), "to", r.recipients(), "message", r.message())).toList());
        out.put("suggestions", store.suggestions(id).stream().map(s -> Map.of("at", s.at().toString(), "step", s.step(), "message", s.message())).toList());
        out.put("first_notice", store.draftOf(id).map(CommsAdmin::draft).orElse(null));
        Params.json(ctx, 200, json.write(out));
    }

    void ack(Context ctx, Actor actor) {
        Incident incident = find(ctx.pathParam("id"));
        int acknowledged = store.acknowledge(incident.id(), java.time.Instant.now());
        Params.json(ctx, 200, json.write(Map.of("acknowledged", acknowledged, "by", actor.label())));
    }

    void report(Context ctx, Actor actor) {
        Incident incident = find(ctx.pathParam("id"));
        var figures = report.figures(incident);
        var out = new java.util.LinkedHashMap<String, Object>();
        out.put("markdown", report.markdown(incident));
        out.put("promises", figures.promises());
        out.put("promises_kept", figures.promisesKept());
        out.put("longest_silence_seconds", figures.longestSilence().toSeconds());
        out.put("seconds_to_first_notice", figures.timeToFirstNotice().map(java.time.Duration::toSeconds).orElse(null));
        out.put("estimates_given", figures.estimatesGiven());
        out.put("estimates_revised", figures.estimatesRevised());
        out.put("estimates_missed", figures.estimatesMissed());
        out.put("reminders", figures.reminders());
        out.put("deliveries", report.deliveries(incident).stream().map(c -> {
            var channel = new java.util.LinkedHashMap<String, Object>();
            channel.put("channel", c.channel());
            channel.put("delivered", c.sent());
            channel.put("pending", c.pending());
            channel.put("failed", c.failed());
            channel.put("dead", c.dead());
            channel.put("last_error", c.lastError().orElse(null));
            return channel;
        }).toList());
        Params.json(ctx, 200, json.write(out));
    }

    private void communicationPage(Context ctx) {
        Incident incident = find(ctx.pathParam("id"));
        String id = incident.id();
        gate.render(ctx, "admin/comms_incident.jte", "chrome", gate.chrome(ctx, SessionGate.text(ctx).t("title.communication", incident.name().in(SessionGate.text(ctx).lang()))), "incident", incident,
                "roles", roles.stream().map(r -> r + ": " + String.join(", ", holders.holders(id, r, java.time.Instant.now()))).toList(),
                "reminders", store.reminders(id), "suggestions", store.suggestions(id), "report", report.markdown(incident));
    }

    static Map<String, Object> draft(CommsStore.Draft d) {
        var map = new java.util.LinkedHashMap<String, Object>(FirstNotices.wire(d));
        map.put("name", AdminJson.text(d.name()));
        map.put("body", AdminJson.text(d.body()));
        map.put("published_at", d.publishedAt().map(Object::toString).orElse(null));
        map.put("seconds_to_first_notice", d.publishedAt().map(p -> java.time.Duration.between(d.detectedAt(), p).toSeconds()).orElse(null));
        return map;
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
        gate.render(ctx, "admin/comms_lint.jte", "chrome", gate.chrome(ctx, "title.lint"), "incident", incident, "form", form,
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
