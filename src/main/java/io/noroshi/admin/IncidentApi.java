package io.noroshi.admin;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.component.ComponentStatus;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentLifecycle;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.web.ApiErrors.BadRequest;
import java.util.List;
import java.util.Set;

/** {@code /api/admin/v1/incidents}: list, search, open, update, impact, resolve, reopen, postmortem. */
public final class IncidentApi {

    private static final Set<String> OPEN_FIELDS = Set.of("name", "impact", "status", "body", "affected_components", "notify");
    private static final Set<String> UPDATE_FIELDS = Set.of("status", "body", "affected_components", "notify");
    private static final Set<String> CHANGE_FIELDS = Set.of("id", "status");
    private static final String STATUSES = "investigating, identified, monitoring, resolved";
    private static final String IMPACTS = "none, minor, major, critical";
    static final String COMPONENT_STATUSES = "operational, degraded_performance, partial_outage, major_outage, under_maintenance";

    private final IncidentCommands commands;
    private final AdminJson json;

    public IncidentApi(IncidentCommands commands, AdminJson json) {
        this.commands = commands;
        this.json = json;
    }

    List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HandlerType.GET, "/incidents", Scope.READ, "List or search incidents (?state=open|resolved|all&q=&offset=&limit=)", "", 200, this::list),
                new ApiRoute(HandlerType.POST, "/incidents", Scope.INCIDENTS, "Open an incident with its first update", "NewIncident", 201, this::open),
                new ApiRoute(HandlerType.GET, "/incidents/{id}", Scope.READ, "One incident with its updates", "", 200, this::get),
                new ApiRoute(HandlerType.POST, "/incidents/{id}/updates", Scope.INCIDENTS, "Post an update", "NewUpdate", 201, this::update),
                new ApiRoute(HandlerType.POST, "/incidents/{id}/impact", Scope.INCIDENTS, "Change the impact", "ImpactChange", 200, this::impact),
                new ApiRoute(HandlerType.POST, "/incidents/{id}/resolve", Scope.INCIDENTS, "Resolve (body optional)", "Resolution", 200, this::resolve),
                new ApiRoute(HandlerType.POST, "/incidents/{id}/reopen", Scope.INCIDENTS, "Reopen a resolved incident, with a reason posted as an update", "Reopen", 200, this::reopen),
                new ApiRoute(HandlerType.POST, "/incidents/{id}/postmortem", Scope.INCIDENTS, "Attach a postmortem to a resolved incident", "Postmortem", 200, this::postmortem));
    }

    void list(Context ctx, Actor actor) {
        String state = Params.choice(ctx, "state", "all", Set.of("open", "resolved", "all"));
        int offset = Params.integer(ctx, "offset", 0, 0, 100_000);
        int limit = Params.integer(ctx, "limit", 50, 1, 200);
        var found = commands.search(state, ctx.queryParam("q"), offset, limit);
        Params.json(ctx, 200, json.write(found.stream().map(json::incidentHead).toList()));
    }

    void get(Context ctx, Actor actor) {
        Params.json(ctx, 200, json.write(json.incident(commands.find(ctx.pathParam("id")))));
    }

    void open(Context ctx, Actor actor) {
        var body = Payload.parse(ctx.body(), withReview(OPEN_FIELDS));
        var draft = new IncidentDraft(body.text("name"), body.choice("impact", Impact.MINOR, Impact::fromWire, IMPACTS),
                withExtras(update(body, IncidentStatus.INVESTIGATING), body));
        if (draft.name().isEmpty()) throw new BadRequest("name", "is required");
        Params.json(ctx, 201, json.write(json.incident(commands.open(actor, draft))));
    }

    void update(Context ctx, Actor actor) {
        String id = ctx.pathParam("id");
        var body = Payload.parse(ctx.body(), withReview(UPDATE_FIELDS));
        if (!body.has("status")) throw new BadRequest("status", "is required (" + STATUSES + ")");
        Params.json(ctx, 201, json.write(json.incident(commands.update(actor, id, withExtras(update(body, IncidentStatus.INVESTIGATING), body)))));
    }

    void impact(Context ctx, Actor actor) {
        var body = Payload.parse(ctx.body(), Set.of("impact"));
        if (!body.has("impact")) throw new BadRequest("impact", "is required (" + IMPACTS + ")");
        Params.json(ctx, 200, json.write(json.incident(commands.setImpact(actor, ctx.pathParam("id"),
                body.choice("impact", Impact.MINOR, Impact::fromWire, IMPACTS)))));
    }

    void resolve(Context ctx, Actor actor) {
        String id = ctx.pathParam("id");
        var body = Payload.parse(ctx.body(), withReview(Set.of("body", "affected_components", "notify")));
        var draft = withExtras(new UpdateDraft(IncidentStatus.RESOLVED, body.text("body"), changes(body), body.bool("notify", true)), body);
        Params.json(ctx, 200, json.write(json.incident(commands.resolve(actor, id, draft))));
    }

    void reopen(Context ctx, Actor actor) {
        var body = Payload.parse(ctx.body(), Set.of("reason", "status", "affected_components", "notify"));
        IncidentStatus status = body.choice("status", IncidentStatus.INVESTIGATING, s -> {
            IncidentStatus parsed = IncidentStatus.fromWire(s);
            if (!IncidentLifecycle.reopenedStatuses().contains(parsed)) throw new IllegalArgumentException(s);
            return parsed;
        }, "investigating, identified, monitoring");
        var draft = new UpdateDraft(status, body.text("reason"), changes(body), body.bool("notify", true));
        Params.json(ctx, 200, json.write(json.incident(commands.reopen(actor, ctx.pathParam("id"), draft))));
    }

    void postmortem(Context ctx, Actor actor) {
        var body = Payload.parse(ctx.body(), Set.of("body"));
        Params.json(ctx, 200, json.write(json.incident(commands.attachPostmortem(actor, ctx.pathParam("id"), body.text("body")))));
    }

    /** The update fields plus those the communication review reads (next_update_by, estimate, lint_override). */
    private Set<String> withReview(Set<String> fields) {
        var all = new java.util.HashSet<>(fields);
        all.addAll(commands.reviewFields());
        return all;
    }

    private UpdateDraft withExtras(UpdateDraft draft, Payload body) {
        var extras = new java.util.HashMap<String, String>();
        for (String field : commands.reviewFields()) body.scalar(field).ifPresent(v -> extras.put(field, v));
        return new UpdateDraft(draft.status(), draft.body(), draft.changes(), draft.notifySubscribers(), extras);
    }

    private static UpdateDraft update(Payload body, IncidentStatus fallback) {
        IncidentStatus status = body.choice("status", fallback, s -> {
            if (s.equals("postmortem")) throw new IllegalArgumentException(s);
            return IncidentStatus.fromWire(s);
        }, STATUSES);
        return new UpdateDraft(status, body.text("body"), changes(body), body.bool("notify", true));
    }

    private static List<ComponentChange> changes(Payload body) {
        return body.objects("affected_components", CHANGE_FIELDS, c -> new ComponentChange(c.requiredString("id"),
                c.requiredChoice("status", ComponentStatus::fromWire, COMPONENT_STATUSES)));
    }
}
