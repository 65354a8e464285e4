package io.noroshi.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.noroshi.account.Actor;
import io.noroshi.account.ApiTokens;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin API under {@link #BASE} and the admin pages under {@code /admin}: registers their routes
 * (called from {@code web.Routes}) behind bearer-token or session authentication.
 */
public final class AdminRoutes {

    public static final String BASE = "/api/admin/v1";
    private static final String ACTOR = "noroshi.actor";

    private final ApiTokens tokens;
    private final List<ApiRoute> api;
    private final AdminPages pages;
    private final AdminJson json;

    private final List<AdminFeature> features;

    public AdminRoutes(ApiTokens tokens, IncidentApi incidents, MaintenanceApi maintenance, AccessApi access, FailureDomainApi failureDomains,
                       AdminPages pages, AdminJson json) {
        this(tokens, incidents, maintenance, access, failureDomains, pages, json, List.of());
    }

    public AdminRoutes(ApiTokens tokens, IncidentApi incidents, MaintenanceApi maintenance, AccessApi access, FailureDomainApi failureDomains,
                       AdminPages pages, AdminJson json, List<AdminFeature> features) {
        this.tokens = tokens;
        this.features = List.copyOf(features);
        var all = new ArrayList<ApiRoute>();
        all.addAll(incidents.routes());
        all.addAll(maintenance.routes());
        all.addAll(access.routes());
        all.addAll(failureDomains.routes());
        features.forEach(f -> all.addAll(f.apiRoutes()));
        this.api = List.copyOf(all);
        this.pages = pages;
        this.json = json;
    }

    /** Every API route, as registered and as described in the OpenAPI document. */
    public List<ApiRoute> apiRoutes() {
        return api;
    }

    /** Public admin routes: the OpenAPI document, the login and first-operator setup pages. */
    public void registerPublic(JavalinConfig config) {
        config.routes.before(BASE + "/*", AdminRoutes::noStore);
        config.routes.before("/admin", AdminRoutes::noStore);
        config.routes.before("/admin/*", AdminRoutes::noStore);
        config.routes.get(BASE + "/openapi.json", this::openApi);
        pages.registerPublic(config);
    }

    /** Protected routes: the API behind a bearer token with the route's scope, the pages behind a session. */
    public void registerProtected(JavalinConfig config) {
        for (ApiRoute route : api) {
            config.routes.addHttpHandler(route.method(), BASE + route.path(), ctx -> {
                Actor actor = tokens.authenticate(bearer(ctx));
                actor.require(route.scope());
                route.handler().handle(ctx, actor);
            });
        }
        pages.registerProtected(config);
        features.forEach(f -> f.registerPages(config));
    }

    /**
     * Lets the request through only with a bearer API token of at least {@code scope}; for routes outside
     * the admin API that share its tokens ({@code /metrics}).
     */
    public void requireToken(Context ctx, io.noroshi.account.Scope scope) {
        tokens.authenticate(bearer(ctx)).require(scope);
    }

    private void openApi(Context ctx) {
        Params.json(ctx, 200, json.write(OpenApiDocument.of(api, BASE)));
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        return header.substring(7).strip();
    }

    static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
    }

    static String actorKey() {
        return ACTOR;
    }
}
