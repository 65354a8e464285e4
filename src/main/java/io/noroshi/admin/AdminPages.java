package io.noroshi.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.noroshi.account.Accounts;
import io.noroshi.account.DuplicateOperator;
import io.noroshi.account.InvalidAccount;
import io.noroshi.account.NotAuthenticated;
import io.noroshi.account.Scope;

/** The admin pages for logging in and for access: login, first-operator setup, tokens, operators, audit log. */
public final class AdminPages {

    private final SessionGate gate;
    private final Accounts accounts;
    private final AccessCommands access;
    private final AuditTrail audit;
    private final IncidentPages incidents;
    private final FailureDomainPages failureDomains;

    public AdminPages(SessionGate gate, Accounts accounts, AccessCommands access, AuditTrail audit, IncidentPages incidents,
                      FailureDomainPages failureDomains) {
        this.failureDomains = failureDomains;
        this.gate = gate;
        this.accounts = accounts;
        this.access = access;
        this.audit = audit;
        this.incidents = incidents;
    }

    void registerPublic(JavalinConfig config) {
        config.routes.get("/admin/login", this::loginForm);
        config.routes.post("/admin/login", this::login);
        config.routes.get("/admin/setup", this::setupForm);
        config.routes.post("/admin/setup", this::setup);
    }

    void registerProtected(JavalinConfig config) {
        config.routes.before("/admin", gate::require);
        config.routes.before("/admin/*", gate::require);
        config.routes.get("/admin", ctx -> ctx.redirect("/admin/incidents"));
        config.routes.post("/admin/logout", this::logout);
        config.routes.get("/admin/tokens", this::tokens);
        config.routes.post("/admin/tokens", this::createToken);
        config.routes.post("/admin/tokens/{id}/revoke", this::revokeToken);
        config.routes.get("/admin/operators", this::operators);
        config.routes.post("/admin/operators", this::createOperator);
        config.routes.get("/admin/audit", this::audit);
        incidents.register(config);
        failureDomains.register(config);
    }

    private void loginForm(Context ctx) {
        if (accounts.setupPending()) {
            ctx.redirect("/admin/setup");
            return;
        }
        gate.render(ctx, "admin/login.jte", "chrome", gate.loginChrome(ctx, "title.login"));
    }

    private void login(Context ctx) {
        gate.checkLoginCsrf(ctx);
        try {
            var operator = accounts.login(ctx.ip(), ctx.formParam("email"), chars(ctx.formParam("password")));
            access.session(operator, "operator.login", () -> gate.startSession(ctx, operator));
            ctx.redirect("/admin/incidents");
        } catch (NotAuthenticated e) {
            SessionGate.back(ctx, "/admin/login", "error", e.getMessage());
        }
    }

    private void setupForm(Context ctx) {
        if (!accounts.setupPending()) {
            ctx.redirect("/admin/login");
            return;
        }
        gate.render(ctx, "admin/setup.jte", "chrome", gate.loginChrome(ctx, "title.setup"));
    }

    private void setup(Context ctx) {
        gate.checkLoginCsrf(ctx);
        try {
            access.setup(ctx.formParam("token"), ctx.formParam("email"), chars(ctx.formParam("password")), operator -> gate.startSession(ctx, operator));
            ctx.redirect("/admin/incidents");
        } catch (InvalidAccount e) {
            SessionGate.back(ctx, "/admin/setup", "error", e.getMessage());
        }
    }

    private void logout(Context ctx) {
        access.session(gate.operator(ctx), "operator.logout", () -> gate.endSession(ctx));
        ctx.redirect("/admin/login");
    }

    private void tokens(Context ctx) {
        gate.render(ctx, "admin/tokens.jte", "chrome", gate.chrome(ctx, "title.tokens"), "tokens", access.tokens(gate.actor(ctx)), "created", null);
    }

    private void createToken(Context ctx) {
        try {
            Scope scope = Scope.fromWire(String.valueOf(ctx.formParam("scope")));
            var issued = access.issueToken(gate.actor(ctx), ctx.formParam("name"), scope);
            // Rendered in the POST's answer, not redirected: the secret must never sit in a URL or a later page.
            gate.render(ctx, "admin/tokens.jte", "chrome", gate.chrome(ctx, "title.tokens"), "tokens", access.tokens(gate.actor(ctx)),
                    "created", issued.secret());
        } catch (InvalidAccount | IllegalArgumentException e) {
            SessionGate.back(ctx, "/admin/tokens", "error", e.getMessage());
        }
    }

    private void revokeToken(Context ctx) {
        incidents.attempt(ctx, "/admin/tokens", () -> access.revokeToken(gate.actor(ctx), ctx.pathParam("id")), SessionGate.text(ctx).t("notice.token_revoked"));
    }

    private void operators(Context ctx) {
        gate.render(ctx, "admin/operators.jte", "chrome", gate.chrome(ctx, "title.operators"), "operators", access.operators(gate.actor(ctx)));
    }

    private void createOperator(Context ctx) {
        try {
            access.createOperator(gate.actor(ctx), ctx.formParam("email"), chars(ctx.formParam("password")));
            SessionGate.back(ctx, "/admin/operators", "notice", SessionGate.text(ctx).t("notice.operator_added"));
        } catch (InvalidAccount | DuplicateOperator e) {
            SessionGate.back(ctx, "/admin/operators", "error", e.getMessage());
        }
    }

    private void audit(Context ctx) {
        gate.render(ctx, "admin/audit.jte", "chrome", gate.chrome(ctx, "title.audit"), "audit", audit.recent("", 500));
    }

    private static char[] chars(String value) {
        return value == null ? new char[0] : value.toCharArray();
    }
}
