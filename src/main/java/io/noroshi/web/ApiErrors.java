package io.noroshi.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.noroshi.account.DuplicateOperator;
import io.noroshi.account.InvalidAccount;
import io.noroshi.account.NotAuthenticated;
import io.noroshi.account.NotPermitted;
import io.noroshi.account.TooManyAttempts;
import io.noroshi.admin.IdempotentRequests;
import io.noroshi.admin.InvalidTransition;
import io.noroshi.admin.NotYetPublic;
import io.noroshi.admin.UnknownTarget;
import io.noroshi.storage.DatabaseHealth;
import io.noroshi.storage.DatabaseOutage;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to an HTTP answer in one place: a JSON body with an error code and a message
 * a person can act on, never a stack trace.
 */
public final class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    /** A request a client can fix: names the field (JSON path or parameter) and what is wrong. */
    public static final class BadRequest extends RuntimeException {
        private final String field;

        public BadRequest(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** How many seconds a client should wait before retrying a write during a database outage. */
    public static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    /**
     * @param health the database's, told of outages requests meet; null when the hub has no database
     * @param site   the public site, whose "page not found" page answers wrong links outside {@code /api/}
     */
    static void register(JavalinConfig config, DatabaseHealth health, SnapshotHolder site) {
        config.routes.exception(BadRequest.class, (e, ctx) ->
                ctx.status(400).json(Map.of("error", "bad_request", "field", e.field(), "message", e.getMessage())));
        config.routes.exception(NotAuthenticated.class, (e, ctx) -> ctx.status(401)
                .header("WWW-Authenticate", "Bearer realm=\"noroshi\"").json(Map.of("error", "unauthorized", "message", e.getMessage())));
        config.routes.exception(NotPermitted.class, (e, ctx) ->
                ctx.status(403).json(Map.of("error", "forbidden", "message", e.getMessage())));
        config.routes.exception(TooManyAttempts.class, (e, ctx) -> ctx.status(429)
                .header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .json(Map.of("error", "too_many_attempts", "message", e.getMessage())));
        config.routes.exception(UnknownTarget.class, (e, ctx) ->
                ctx.status(404).json(Map.of("error", "not_found", "message", e.getMessage())));
        config.routes.exception(InvalidTransition.class, (e, ctx) -> ctx.status(409).json(e.current().isEmpty()
                ? Map.of("error", "conflict", "message", e.getMessage())
                : Map.of("error", "invalid_transition", "message", e.getMessage(), "current_status", e.current(), "allowed", e.allowed())));
        config.routes.exception(io.noroshi.admin.UpdateRefused.class, (e, ctx) -> ctx.status(422).json(Map.of("error", "update_findings",
                "message", e.getMessage(), "override_field", e.override(), "findings", e.findings())));
        config.routes.exception(IdempotentRequests.KeyReused.class, (e, ctx) -> ctx.status(422)
                .json(Map.of("error", "idempotency_key_reused", "field", IdempotentRequests.HEADER, "message", e.getMessage())));
        config.routes.exception(DuplicateOperator.class, (e, ctx) ->
                ctx.status(409).json(Map.of("error", "conflict", "field", "email", "message", e.getMessage())));
        config.routes.exception(InvalidAccount.class, (e, ctx) ->
                ctx.status(400).json(Map.of("error", "bad_request", "field", e.field(), "message", e.getMessage())));
        config.routes.exception(HttpResponseException.class, (e, ctx) ->
                ctx.status(e.getStatus()).json(Map.of("error", "http_" + e.getStatus(), "message", e.getMessage())));
        config.routes.exception(NotYetPublic.class, (e, ctx) -> ctx.status(503).header("Retry-After", "5")
                .json(Map.of("error", "not_yet_public", "stored", true, "message", e.getMessage())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            if (health != null && DatabaseOutage.isOutage(e)) {
                // Logged once by the health, not per request: an outage is not a bug.
                health.down(e);
                ctx.status(503).header("Retry-After", String.valueOf(DATABASE_RETRY_AFTER_SECONDS)).json(Map.of(
                        "error", "database_unavailable", "retry_after_seconds", DATABASE_RETRY_AFTER_SECONDS,
                        "message", "the hub's database is unavailable; nothing was stored, retry later (the public page keeps serving)"));
                return;
            }
            log.error("web unhandled path={} error={}", ctx.path(), e.toString(), e);
            ctx.status(500).json(Map.of("error", "internal", "message", "internal error; see the hub's log"));
        });
        var page = new NotFoundPage(site);
        config.routes.error(404, ctx -> notFound(ctx, page));
    }

    private static void notFound(Context ctx, NotFoundPage page) {
        if (ctx.result() != null && !ctx.result().isEmpty() && ctx.contentType() != null && ctx.contentType().contains("json")) return;
        if (NotFoundPage.wantsPage(ctx.path()) && page.serve(ctx)) return;
        // A heartbeat push URL may carry a secret: never echo it back.
        String message = ctx.path().startsWith("/api/heartbeat/") ? "no heartbeat with this id and secret" : "nothing at " + ctx.path();
        ctx.json(Map.of("error", "not_found", "message", message));
    }
}
