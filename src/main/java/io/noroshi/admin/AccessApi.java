package io.noroshi.admin;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/** {@code /api/admin/v1/tokens}, {@code /operators} and {@code /audit}. */
public final class AccessApi {

    private final AccessCommands access;
    private final AuditTrail audit;
    private final AdminJson json;

    private final ZoneId pageZone;

    /** @param pageZone the page's time zone: each audit entry also carries its time there ({@code at_page}) */
    public AccessApi(AccessCommands access, AuditTrail audit, AdminJson json, ZoneId pageZone) {
        this.pageZone = pageZone;
        this.access = access;
        this.audit = audit;
        this.json = json;
    }

    List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HandlerType.GET, "/tokens", Scope.ADMIN, "List API tokens (never their secret)", "", 200, this::tokens),
                new ApiRoute(HandlerType.POST, "/tokens", Scope.ADMIN, "Create a token; the answer holds its secret, shown this once", "NewToken", 201, this::createToken),
                new ApiRoute(HandlerType.DELETE, "/tokens/{id}", Scope.ADMIN, "Revoke a token", "", 200, this::revokeToken),
                new ApiRoute(HandlerType.GET, "/operators", Scope.ADMIN, "List operators", "", 200, this::operators),
                new ApiRoute(HandlerType.GET, "/audit", Scope.ADMIN, "The audit log, newest first (?target=incident/ID&limit=&before=SEQ; the next page is in the Link header)", "", 200, this::audit));
    }

    void tokens(Context ctx, Actor actor) {
        Params.json(ctx, 200, json.write(access.tokens(actor).stream().map(AdminJson::token).toList()));
    }

    void createToken(Context ctx, Actor actor) {
        var body = Payload.parse(ctx.body(), Set.of("name", "scope"));
        var scope = body.choice("scope", Scope.READ, Scope::fromWire, "read, incidents, admin");
        var issued = access.issueToken(actor, body.requiredString("name"), scope);
        var answer = new LinkedHashMap<>(AdminJson.token(issued.token()));
        answer.put("token", issued.secret());
        Params.json(ctx, 201, json.write(answer));
    }

    void revokeToken(Context ctx, Actor actor) {
        Params.json(ctx, 200, json.write(AdminJson.token(access.revokeToken(actor, ctx.pathParam("id")))));
    }

    void operators(Context ctx, Actor actor) {
        Params.json(ctx, 200, json.write(access.operators(actor).stream().map(AdminJson::operator).toList()));
    }

    void audit(Context ctx, Actor actor) {
        actor.require(Scope.ADMIN);
        int limit = Params.integer(ctx, "limit", 100, 1, 1000);
        long before = Params.longInteger(ctx, "before", Long.MAX_VALUE, 1, Long.MAX_VALUE);
        String target = ctx.queryParam("target");
        var page = audit.before(target, before, limit);
        // A full page may have more behind it: the cursor is the oldest entry's sequence number.
        if (page.size() == limit) {
            String next = AdminRoutes.BASE + "/audit?limit=" + limit + "&before=" + page.getLast().seq()
                    + (target == null || target.isEmpty() ? "" : "&target=" + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8));
            ctx.header("Link", "<" + next + ">; rel=\"next\"");
        }
        Params.json(ctx, 200, json.write(page.stream().map(entry -> {
            var shown = AdminJson.audit(entry);
            shown.put("at_page", entry.at().truncatedTo(ChronoUnit.SECONDS).atZone(pageZone).toOffsetDateTime().toString());
            return shown;
        }).toList()));
    }
}
