package io.noroshi.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.noroshi.account.Actor;
import io.noroshi.account.ApiTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * The admin API under {@link #BASE} and the admin pages under {@code /admin}: registers their routes
 * (called from {@code web.Routes}) behind bearer-token or session authentication.
 */
public final class AdminRoutes {

    public static final String BASE = "/api/admin/v1";
    private static final String ACTOR = "noroshi.actor";

    private final ApiTokens tokens;
    private final IdempotentRequests idempotent;
    private final List<ApiRoute> api;
    private final AdminPages pages;
    private final AdminJson json;

    private final List<AdminFeature> features;

    public AdminRoutes(ApiTokens tokens, IdempotentRequests idempotent, IncidentApi incidents, MaintenanceApi maintenance, AccessApi access,
                       FailureDomainApi failureDomains, AdminPages pages, AdminJson json) {
        this(tokens, idempotent, incidents, maintenance, access, failureDomains, pages, json, List.of());
    }

    public AdminRoutes(ApiTokens tokens, IdempotentRequests idempotent, IncidentApi incidents, MaintenanceApi maintenance, AccessApi access,
                       FailureDomainApi failureDomains, AdminPages pages, AdminJson json, List<AdminFeature> features) {
        this.tokens = tokens;
        this.idempotent = idempotent;
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

    /**
     * Protected routes: the API behind a bearer token with the route's scope, the pages behind a
     * session. Every other method on an API path answers 405 with {@code Allow}, before any token check.
     */
    public void registerProtected(JavalinConfig config) {
        var methods = new LinkedHashMap<String, List<HandlerType>>();
        for (ApiRoute route : api) {
            methods.computeIfAbsent(route.path(), p -> new ArrayList<>()).add(route.method());
            config.routes.addHttpHandler(route.method(), BASE + route.path(), ctx -> {
                if (route.method() != HandlerType.GET && !isJson(ctx)) {
                    Params.json(ctx, 415, json.write(Map.of("error", "unsupported_media_type",
                            "message", "send the body as JSON with Content-Type: application/json")));
                    return;
                }
                Actor actor = tokens.authenticate(bearer(ctx));
                actor.require(route.scope());
                if (route.method() == HandlerType.GET) route.handler().handle(ctx, actor);
                else idempotent.handle(ctx, actor, route.handler());
            });
        }
        methods.forEach((path, allowed) -> {
            String allow = String.join(", ", allowed.stream().map(HandlerType::name).toList());
            for (HandlerType other : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE)) {
                if (allowed.contains(other)) continue;
                config.routes.addHttpHandler(other, BASE + path, ctx -> {
                    ctx.header("Allow", allow);
                    Params.json(ctx, 405, json.write(Map.of("error", "method_not_allowed",
                            "message", ctx.method().name() + " is not allowed on " + ctx.path() + "; allowed: " + allow)));
                });
            }
        });
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

    /** An empty body needs no type; any other must be JSON ({@code application/json} or {@code +json}). */
    private static boolean isJson(Context ctx) {
        if (ctx.bodyAsBytes().length == 0) return true;
        String type = ctx.contentType();
        if (type == null) return false;
        String media = type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
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
