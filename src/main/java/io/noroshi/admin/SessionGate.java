package io.noroshi.admin;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.noroshi.account.Accounts;
import io.noroshi.account.Actor;
import io.noroshi.account.NotPermitted;
import io.noroshi.account.Operator;
import io.noroshi.account.SecretTokens;
import io.noroshi.account.Session;
import io.noroshi.account.Sessions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Map;

/**
 * The admin pages' side of authentication: finds the session behind the cookie, checks the CSRF
 * token of every POST, sets cookies (HttpOnly, SameSite=Strict, Secure behind TLS) and renders pages.
 */
public final class SessionGate {

    /** Cookie holding the pre-login CSRF token of the login and setup forms (double submit). */
    static final String LOGIN_CSRF_COOKIE = "noroshi_login_csrf";
    private static final String OPERATOR = "noroshi.operator";
    private static final String SESSION = "noroshi.session";

    private final Sessions sessions;
    private final Accounts accounts;
    private final SecretTokens secrets;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    /** What every admin page says while the public page does not show the latest changes; empty when it does. */
    private final Supplier<Optional<String>> publicPageBehind;

    public SessionGate(Sessions sessions, Accounts accounts, SecretTokens secrets) {
        this(sessions, accounts, secrets, Optional::empty);
    }

    public SessionGate(Sessions sessions, Accounts accounts, SecretTokens secrets, Supplier<Optional<String>> publicPageBehind) {
        this.publicPageBehind = publicPageBehind;
        this.sessions = sessions;
        this.accounts = accounts;
        this.secrets = secrets;
    }

    /** Before every protected admin page: no session sends a browser to the login page; a POST needs its CSRF token. */
    void require(Context ctx) {
        String path = ctx.path();
        if (path.equals("/admin/login") || path.equals("/admin/setup")) return;
        var session = sessions.find(ctx.cookie(Sessions.COOKIE));
        var operator = session.flatMap(s -> accounts.find(s.operatorId()));
        if (session.isEmpty() || operator.isEmpty()) {
            ctx.redirect(accounts.setupPending() ? "/admin/setup" : "/admin/login");
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method().name().equals("POST") && !SecretTokens.same(session.get().csrfToken(), ctx.formParam("csrf"))) {
            throw new NotPermitted("this form is missing its CSRF token or it is stale; reload the page and try again");
        }
        ctx.attribute(SESSION, session.get());
        ctx.attribute(OPERATOR, operator.get());
    }

    Operator operator(Context ctx) {
        return ctx.attribute(OPERATOR);
    }

    public Actor actor(Context ctx) {
        return Actor.session(operator(ctx));
    }

    /** The chrome of a page behind the session gate, for pages of every feature. */
    public AdminChrome chrome(Context ctx, String title) {
        Session session = ctx.attribute(SESSION);
        String error = ctx.queryParam("error");
        // A stored change the public cannot see yet is the one thing an operator must never miss.
        String behind = publicPageBehind.get().orElse(null);
        if (behind != null) error = error == null || error.isEmpty() ? behind : error + " — " + behind;
        return new AdminChrome(title, operator(ctx).email(), session.csrfToken(), error, ctx.queryParam("notice"));
    }

    /** A fresh pre-login CSRF token, set as a cookie and returned for the form's hidden field. */
    String loginCsrf(Context ctx) {
        String token = secrets.next("");
        ctx.cookie(cookie(ctx, LOGIN_CSRF_COOKIE, token, -1));
        return token;
    }

    void checkLoginCsrf(Context ctx) {
        if (!SecretTokens.same(ctx.cookie(LOGIN_CSRF_COOKIE), ctx.formParam("csrf"))) {
            throw new NotPermitted("this form is missing its CSRF token or it is stale; reload the page and try again");
        }
    }

    void startSession(Context ctx, Operator operator) {
        var opened = sessions.open(operator);
        ctx.cookie(cookie(ctx, Sessions.COOKIE, opened.cookieValue(), (int) Sessions.LIFETIME.toSeconds()));
        ctx.removeCookie(LOGIN_CSRF_COOKIE, "/admin");
    }

    void endSession(Context ctx) {
        sessions.close(ctx.cookie(Sessions.COOKIE));
        ctx.cookie(cookie(ctx, Sessions.COOKIE, "", 0));
    }

    private static Cookie cookie(Context ctx, String name, String value, int maxAge) {
        boolean tls = "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        var cookie = new Cookie(name, value);
        cookie.setPath("/admin");
        cookie.setMaxAge(maxAge);
        cookie.setSecure(tls);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        return cookie;
    }

    /** Renders a precompiled jte template with name/value pairs as its parameters. */
    public void render(Context ctx, String template, Object... params) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) map.put((String) params[i], params[i + 1]);
        var out = new StringOutput();
        templates.render(template, map, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    /** Sends the browser back to {@code to} with a message shown above the page. */
    public static void back(Context ctx, String to, String kind, String message) {
        ctx.redirect(to + (to.contains("?") ? "&" : "?") + kind + "=" + URLEncoder.encode(message, StandardCharsets.UTF_8));
    }
}
