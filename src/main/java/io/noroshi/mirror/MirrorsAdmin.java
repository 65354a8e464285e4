package io.noroshi.mirror;

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
import io.noroshi.statuspage.SnapshotPublisher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mirrors as the operator sees them: {@code GET /api/admin/v1/mirrors} (scope read),
 * {@code POST /api/admin/v1/mirrors/publish} (scope incidents: publish to every mirror now and
 * wait for the outcome) and the page {@code /admin/mirrors}.
 */
public final class MirrorsAdmin implements AdminFeature {

    private final Mirrors mirrors;
    private final SnapshotPublisher publisher;
    private final SessionGate gate;
    private final AdminJson json;

    public MirrorsAdmin(Mirrors mirrors, SnapshotPublisher publisher, SessionGate gate, AdminJson json) {
        this.mirrors = mirrors;
        this.publisher = publisher;
        this.gate = gate;
        this.json = json;
    }

    @Override
    public List<ApiRoute> apiRoutes() {
        return List.of(
                new ApiRoute(HandlerType.GET, "/mirrors", Scope.READ,
                        "Every mirror with its site, last success, lag behind the hub and last error", "", 200, this::list),
                new ApiRoute(HandlerType.POST, "/mirrors/publish", Scope.INCIDENTS,
                        "Publish the site to every mirror now; answers with each mirror's outcome", "", 200, this::publish));
    }

    @Override
    public void registerPages(JavalinConfig config) {
        config.routes.get("/admin/mirrors", ctx -> gate.render(ctx, "admin/mirrors.jte", "chrome", gate.chrome(ctx, "title.mirrors"),
                "mirrors", mirrors.states()));
    }

    void list(Context ctx, Actor actor) {
        var body = new LinkedHashMap<String, Object>();
        body.put("mirrors", mirrors.states().stream().map(MirrorsAdmin::state).toList());
        Params.json(ctx, 200, json.write(body));
    }

    void publish(Context ctx, Actor actor) {
        var outcomes = mirrors.publishNow(publisher.publishNow());
        var body = new LinkedHashMap<String, Object>();
        body.put("outcomes", outcomes.stream().map(o -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("mirror", o.mirror());
            row.put("ok", o.error() == null);
            row.put("uploaded", o.uploaded());
            row.put("error", o.error());
            return row;
        }).toList());
        body.put("mirrors", mirrors.states().stream().map(MirrorsAdmin::state).toList());
        Params.json(ctx, outcomes.stream().allMatch(o -> o.error() == null) ? 200 : 502, json.write(body));
    }

    static Map<String, Object> state(MirrorState s) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", s.id());
        map.put("site", s.site());
        map.put("kind", s.kind());
        map.put("last_success", s.lastSuccess().map(AdminJson::time).orElse(null));
        map.put("holds_generated_at", s.holds().map(AdminJson::time).orElse(null));
        map.put("lag_seconds", s.lag().toMillis() / 1000.0);
        map.put("last_error", s.lastError().orElse(null));
        map.put("failures_in_a_row", s.failures());
        map.put("next_retry", s.nextRetry().map(AdminJson::time).orElse(null));
        map.put("files_uploaded_last", s.lastUploaded());
        map.put("falling_behind", s.fallingBehind());
        return map;
    }
}
