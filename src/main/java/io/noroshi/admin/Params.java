package io.noroshi.admin;

import io.javalin.http.Context;
import io.noroshi.web.ApiErrors.BadRequest;
import java.util.Set;

/** Query parameters read strictly, and JSON answers written the same way by every admin controller. */
public final class Params {

    private Params() {
    }

    static String choice(Context ctx, String name, String fallback, Set<String> allowed) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) return fallback;
        if (!allowed.contains(value)) throw new BadRequest(name, "must be one of " + new java.util.TreeSet<>(allowed) + ", not '" + value + "'");
        return value;
    }

    public static int integer(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) return fallback;
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) return parsed;
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new BadRequest(name, "must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }

    static long longInteger(Context ctx, String name, long fallback, long min, long max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) return fallback;
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) return parsed;
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new BadRequest(name, "must be a whole number from " + min + ", not '" + value + "'");
    }

    public static void json(Context ctx, int status, String body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(body);
    }
}
