package io.noroshi.admin;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.component.ComponentStatus;
import io.noroshi.incident.Impact;
import java.util.List;
import java.util.Set;

/** {@code /api/admin/v1/maintenance} and {@code /api/admin/v1/components}: planned work and overrides. */
public final class MaintenanceApi {

    private static final Set<String> SCHEDULE_FIELDS = Set.of("name", "impact", "scheduled_for", "scheduled_until", "component_ids", "body",
            "auto_start", "auto_complete");

    private final MaintenanceCommands maintenance;
    private final ComponentOverrides overrides;
    private final AdminJson json;

    public MaintenanceApi(MaintenanceCommands maintenance, ComponentOverrides overrides, AdminJson json) {
        this.maintenance = maintenance;
        this.overrides = overrides;
        this.json = json;
    }

    List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HandlerType.GET, "/maintenance", Scope.READ, "List maintenance: open first, then recent completed", "", 200, this::list),
                new ApiRoute(HandlerType.POST, "/maintenance", Scope.INCIDENTS, "Schedule a maintenance", "NewMaintenance", 201, this::schedule),
                new ApiRoute(HandlerType.GET, "/maintenance/{id}", Scope.READ, "One maintenance with its updates", "", 200, this::get),
                new ApiRoute(HandlerType.POST, "/maintenance/{id}/start", Scope.INCIDENTS, "Start: in_progress, components under maintenance", "MaintenanceStep", 200, this::start),
                new ApiRoute(HandlerType.POST, "/maintenance/{id}/complete", Scope.INCIDENTS, "Complete: components back to operational", "MaintenanceStep", 200, this::complete),
                new ApiRoute(HandlerType.POST, "/maintenance/{id}/verify", Scope.INCIDENTS, "Verify: the work is done and being checked", "MaintenanceStep", 200, this::verify),
                new ApiRoute(HandlerType.POST, "/maintenance/{id}/cancel", Scope.INCIDENTS, "Cancel: cancelled, components back to operational", "MaintenanceStep", 200, this::cancel),
                new ApiRoute(HandlerType.GET, "/components", Scope.READ, "Every component with its status and whether it is overridden", "", 200, this::components),
                new ApiRoute(HandlerType.PUT, "/components/{id}/override", Scope.INCIDENTS, "Override a component's status", "Override", 200, this::override),
                new ApiRoute(HandlerType.DELETE, "/components/{id}/override", Scope.INCIDENTS, "Clear the override", "", 200, this::clear));
    }

    void list(Context ctx, Actor actor) {
        int limit = Params.integer(ctx, "limit", 50, 1, 200);
        Params.json(ctx, 200, json.write(maintenance.list(limit).stream().map(json::maintenance).toList()));
    }

    void get(Context ctx, Actor actor) {
        Params.json(ctx, 200, json.write(json.maintenance(maintenance.find(ctx.pathParam("id")))));
    }

    void schedule(Context ctx, Actor actor) {
        var body = Payload.parse(ctx.body(), SCHEDULE_FIELDS);
        var name = body.text("name");
        if (name.isEmpty()) throw new io.noroshi.web.ApiErrors.BadRequest("name", "is required");
        var draft = new MaintenanceDraft(name, body.choice("impact", Impact.MINOR, Impact::fromWire, "none, minor, major, critical"),
                body.instant("scheduled_for"), body.instant("scheduled_until"), body.strings("component_ids"), body.text("body"),
                body.bool("auto_start", false), body.bool("auto_complete", false));
        Params.json(ctx, 201, json.write(json.maintenance(maintenance.schedule(actor, draft))));
    }

    void start(Context ctx, Actor actor) {
        Params.json(ctx, 200, json.write(json.maintenance(maintenance.start(actor, ctx.pathParam("id"), step(ctx)))));
    }

    void verify(Context ctx, Actor actor) {
        Params.json(ctx, 200, json.write(json.maintenance(maintenance.verify(actor, ctx.pathParam("id"), step(ctx)))));
    }

    void complete(Context ctx, Actor actor) {
        Params.json(ctx, 200, json.write(json.maintenance(maintenance.complete(actor, ctx.pathParam("id"), step(ctx)))));
    }

    void cancel(Context ctx, Actor actor) {
        Params.json(ctx, 200, json.write(json.maintenance(maintenance.cancel(actor, ctx.pathParam("id"), step(ctx)))));
    }

    void components(Context ctx, Actor actor) {
        Params.json(ctx, 200, json.write(overrides.list().stream().map(AdminJson::component).toList()));
    }

    void override(Context ctx, Actor actor) {
        var body = Payload.parse(ctx.body(), Set.of("status"));
        var status = body.requiredChoice("status", ComponentStatus::fromWire, IncidentApi.COMPONENT_STATUSES);
        Params.json(ctx, 200, json.write(AdminJson.component(overrides.set(actor, ctx.pathParam("id"), status))));
    }

    void clear(Context ctx, Actor actor) {
        Params.json(ctx, 200, json.write(AdminJson.component(overrides.clear(actor, ctx.pathParam("id")))));
    }

    private static io.noroshi.config.Text step(Context ctx) {
        return Payload.parse(ctx.body(), Set.of("body")).text("body");
    }
}
