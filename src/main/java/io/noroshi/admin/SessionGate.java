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
    private static final String GATE = "noroshi.gate";
    private static final String TEXT = "noroshi.text";
    /** Form fields never kept for a refused form's second showing. */
    private static final java.util.regex.Pattern SECRET_FIELD = java.util.regex.Pattern.compile("(?i).*(csrf|password|secret|token).*");

    private final Sessions sessions;
    private final Accounts accounts;
    private final SecretTokens secrets;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final java.time.ZoneId zone;
    private final java.time.InstantSource clock;
    private final TargetNames names;
    private final FlashMessages flashes = new FlashMessages(java.time.Clock.systemUTC());

    /** What every admin page says while the public page does not show the latest changes; empty when it does. */
    private final Supplier<Optional<String>> publicPageBehind;

    public SessionGate(Sessions sessions, Accounts accounts, SecretTokens secrets) {
        this(sessions, accounts, secrets, Optional::empty);
    }

    public SessionGate(Sessions sessions, Accounts accounts, SecretTokens secrets, Supplier<Optional<String>> publicPageBehind) {
        this(sessions, accounts, secrets, publicPageBehind, java.time.ZoneOffset.UTC, java.time.Clock.systemUTC(), TargetNames.NONE);
    }

    /**
     * @param zone  the status page's time zone, which admin pages show times in
     * @param clock what "now" is for the relative form of the pages' times
     * @param names the names pages show for stored references
     */
    public SessionGate(Sessions sessions, Accounts accounts, SecretTokens secrets, Supplier<Optional<String>> publicPageBehind,
                       java.time.ZoneId zone, java.time.InstantSource clock, TargetNames names) {
        this.zone = zone;
        this.clock = clock;
        this.names = names;
        this.publicPageBehind = publicPageBehind;
        this.sessions = sessions;
        this.accounts = accounts;
        this.secrets = secrets;
    }

    /** Before every protected admin page: no session sends a browser to the login page; a POST needs its CSRF token. */
    void require(Context ctx) {
        ctx.attribute(GATE, this);
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

    /**
     * The words of this request's page ({@link AdminLanguage}); a choice from the language switch
     * ({@code ?lang=}) is remembered in a cookie for the next pages.
     */
    public static AdminText text(Context ctx) {
        AdminText known = ctx.attribute(TEXT);
        if (known != null) return known;
        String asked = ctx.queryParam("lang");
        if (asked == null && ctx.method().name().equals("POST")) asked = ctx.formParam("lang");
        String lang = AdminLanguage.choose(asked, ctx.cookie(AdminLanguage.COOKIE), ctx.header("Accept-Language"));
        if (AdminLanguage.offered(asked) && !asked.equals(ctx.cookie(AdminLanguage.COOKIE))) {
            ctx.cookie(cookie(ctx, AdminLanguage.COOKIE, asked, 365 * 24 * 3600));
        }
        ctx.header("Vary", "Accept-Language, Cookie");
        AdminText text = AdminText.in(lang);
        ctx.attribute(TEXT, text);
        return text;
    }

    /** The chrome of a page behind the session gate, for pages of every feature; {@code title} is a key or a name. */
    public AdminChrome chrome(Context ctx, String title) {
        AdminText text = text(ctx);
        Session session = ctx.attribute(SESSION);
        var flash = flashes.take(flashKey(ctx));
        String error = flash != null && flash.kind().equals("error") ? flash.message() : null;
        String field = flash != null && flash.kind().equals("error") ? flash.field() : "";
        // A stored change the public cannot see yet is the one thing an operator must never miss.
        String behind = publicPageBehind.get().map(text::refusal).orElse(null);
        if (behind != null && field.isEmpty()) error = error == null || error.isEmpty() ? behind : error + " — " + behind;
        String notice = flash != null && flash.kind().equals("notice") ? flash.message() : null;
        if (behind != null && !field.isEmpty()) notice = notice == null ? behind : notice + " — " + behind;
        return new AdminChrome(text.has(title) ? text.t(title) : title, operator(ctx).email(), session.csrfToken(), error, notice, field,
                flash == null ? java.util.Map.of() : flash.typed(), zone, clock.instant(), names, text, ctx.queryString());
    }

    /** The chrome of the login and setup pages: the message of the last refused attempt from this browser, if any. */
    AdminChrome loginChrome(Context ctx, String title) {
        var flash = flashes.take(flashKey(ctx));
        String csrf = loginCsrf(ctx);
        AdminText text = text(ctx);
        title = text.t(title);
        return flash == null
                ? new AdminChrome(title, null, csrf, null, null, "", java.util.Map.of(), zone, clock.instant(), names, text, ctx.queryString())
                : new AdminChrome(title, null, csrf, flash.kind().equals("error") ? flash.message() : null,
                        flash.kind().equals("notice") ? flash.message() : null, flash.field(), flash.typed(), zone, clock.instant(), names, text,
                        ctx.queryString());
    }

    /** Whose message it is: the session's, or before login the browser's login-form cookie's. Null when neither is known. */
    private static String flashKey(Context ctx) {
        String session = ctx.cookie(Sessions.COOKIE);
        if (ctx.attribute(SESSION) != null && session != null) return "s:" + session;
        String login = ctx.cookie(LOGIN_CSRF_COOKIE);
        return login == null ? null : "l:" + login;
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

    /**
     * Sends the browser back to {@code to}, where the page shows {@code message} ({@code kind} error
     * or notice). The message waits in the server's session, never in the URL.
     */
    public static void back(Context ctx, String to, String kind, String message) {
        back(ctx, to, kind, message, "");
    }

    /**
     * Like {@link #back(Context, String, String, String)}; an error about {@code field} is shown beside
     * it, and the refused form's values (but secrets) are shown again.
     */
    public static void back(Context ctx, String to, String kind, String message, String field) {
        SessionGate gate = ctx.attribute(GATE);
        if (gate != null) {
            var typed = new LinkedHashMap<String, String>();
            if (kind.equals("error") && ctx.method().name().equals("POST")) {
                ctx.formParamMap().forEach((name, values) -> {
                    if (!SECRET_FIELD.matcher(name).matches()) typed.put(name, String.join("\n", values));
                });
            }
            // Refusals come in the API's English; the operator reads them in the page's language.
            gate.flashes.put(flashKey(ctx), kind, kind.equals("error") ? text(ctx).refusal(message) : message, field, typed);
        }
        ctx.redirect(to);
    }
}
