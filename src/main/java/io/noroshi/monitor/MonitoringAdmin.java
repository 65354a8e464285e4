package io.noroshi.monitor;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.admin.AdminFeature;
import io.noroshi.admin.AdminJson;
import io.noroshi.admin.ApiRoute;
import io.noroshi.admin.Params;
import io.noroshi.admin.SessionGate;
import io.noroshi.admin.UnknownTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's view of the monitoring, as admin API ({@code GET /api/admin/v1/monitoring},
 * {@code GET /api/admin/v1/monitoring/{id}}, scope read) and pages ({@code /admin/monitoring},
 * {@code /admin/monitoring/{id}}; server-rendered, no JavaScript).
 */
public final class MonitoringAdmin implements AdminFeature {

    private final MonitoringView view;
    private final SessionGate gate;
    private final AdminJson json;

    public MonitoringAdmin(MonitoringView view, SessionGate gate, AdminJson json) {
        this.view = view;
        this.gate = gate;
        this.json = json;
    }

    @Override
    public List<ApiRoute> apiRoutes() {
        return List.of(
                new ApiRoute(HandlerType.GET, "/monitoring", Scope.READ,
                        "Every monitor with its verdict, vantage points and damping; every agent", "", 200, this::overview),
                new ApiRoute(HandlerType.GET, "/monitoring/{id}", Scope.READ,
                        "One monitor with its results of the last hour (latency and errors)", "", 200, this::detail));
    }

    @Override
    public void registerPages(JavalinConfig config) {
        config.routes.get("/admin/monitoring", this::overviewPage);
        config.routes.get("/admin/monitoring/{id}", this::detailPage);
    }

    void overview(Context ctx, Actor actor) {
        var overview = view.overview();
        var body = new LinkedHashMap<String, Object>();
        body.put("generated_at", AdminJson.time(overview.now()));
        body.put("monitors", overview.monitors().stream().map(MonitoringAdmin::monitor).toList());
        body.put("agents", overview.agents().stream().map(MonitoringAdmin::agent).toList());
        Params.json(ctx, 200, json.write(body));
    }

    void detail(Context ctx, Actor actor) {
        var detail = find(ctx.pathParam("id"));
        var body = new LinkedHashMap<String, Object>(monitor(detail.monitor()));
        body.put("recent_results", detail.recent().stream().map(r -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("vantage", r.vantage());
            row.put("started_at", AdminJson.time(r.at()));
            row.put("outcome", r.outcome());
            row.put("latency_ms", r.latencyMillis());
            row.put("message", r.message());
            return row;
        }).toList());
        Params.json(ctx, 200, json.write(body));
    }

    private void overviewPage(Context ctx) {
        gate.render(ctx, "admin/monitoring.jte", "chrome", gate.chrome(ctx, "title.monitoring"), "overview", view.overview());
    }

    private void detailPage(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<MonitoringView.Detail> detail = view.detail(id);
        if (detail.isEmpty()) {
            SessionGate.back(ctx, "/admin/monitoring", "error", "no monitor with id '" + id + "'");
            return;
        }
        gate.render(ctx, "admin/monitor.jte", "chrome", gate.chrome(ctx, SessionGate.text(ctx).t("title.monitor", id)), "detail", detail.get());
    }

    private MonitoringView.Detail find(String id) {
        return view.detail(id).orElseThrow(() -> new UnknownTarget("monitor", id));
    }

    private static Map<String, Object> monitor(MonitoringView.MonitorRow m) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", m.id());
        map.put("kind", m.kind());
        map.put("target", m.target());
        map.put("component", m.component().isEmpty() ? null : m.component());
        map.put("verdict", m.verdict().name().toLowerCase(java.util.Locale.ROOT));
        map.put("since", m.since().map(AdminJson::time).orElse(null));
        var damping = new LinkedHashMap<String, Object>();
        damping.put("recent_changes", m.damping().recentChanges());
        damping.put("flapping", m.damping().flapping());
        damping.put("held_until", m.damping().releasesAt().map(AdminJson::time).orElse(null));
        map.put("damping", damping);
        map.put("disagreement", m.disagreement());
        map.put("unjudged_late_results", m.unjudged());
        map.put("vantage_points", m.vantages().stream().map(v -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("vantage", v.vantage());
            row.put("last_outcome", v.outcome());
            row.put("last_at", v.at().map(AdminJson::time).orElse(null));
            row.put("message", v.message());
            row.put("failed_in_a_row", v.badStreak());
            row.put("passed_in_a_row", v.goodStreak());
            row.put("stale", v.stale());
            row.put("disagrees", v.disagrees());
            return row;
        }).toList());
        return map;
    }

    private static Map<String, Object> agent(AgentActivity.Seen a) {
        var map = new LinkedHashMap<String, Object>();
        map.put("vantage", a.vantage());
        map.put("last_seen", a.lastSeen().map(AdminJson::time).orElse(null));
        map.put("version", a.version().orElse(null));
        map.put("results_received", a.resultsReceived());
        map.put("failed_logins", a.failedLogins());
        return map;
    }
}
