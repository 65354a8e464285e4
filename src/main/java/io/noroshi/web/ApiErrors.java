package io.noroshi.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
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

    static void register(JavalinConfig config) {
        config.routes.exception(BadRequest.class, (e, ctx) ->
                ctx.status(400).json(Map.of("error", "bad_request", "field", e.field(), "message", e.getMessage())));
        config.routes.exception(HttpResponseException.class, (e, ctx) ->
                ctx.status(e.getStatus()).json(Map.of("error", "http_" + e.getStatus(), "message", e.getMessage())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("web unhandled path={} error={}", ctx.path(), e.toString(), e);
            ctx.status(500).json(Map.of("error", "internal", "message", "internal error; see the hub's log"));
        });
        config.routes.error(404, ApiErrors::notFound);
    }

    private static void notFound(Context ctx) {
        if (ctx.result() != null && !ctx.result().isEmpty() && ctx.contentType() != null && ctx.contentType().contains("json")) return;
        ctx.json(Map.of("error", "not_found", "message", "nothing at " + ctx.path()));
    }
}
