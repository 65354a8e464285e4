package io.noroshi.admin;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.noroshi.account.Actor;
import io.noroshi.account.Scope;

/**
 * One endpoint of the admin API: what {@link AdminRoutes} registers and what the OpenAPI document
 * describes, from the same table so the two cannot drift apart.
 *
 * @param path        below {@code /api/admin/v1}, Javalin syntax ({@code /incidents/{id}})
 * @param requestBody name of the request schema in the OpenAPI document, empty when none
 * @param status      HTTP status of a success
 */
public record ApiRoute(HandlerType method, String path, Scope scope, String summary, String requestBody, int status,
                       Handler handler) {

    /** An admin API handler: the request and the authenticated caller. */
    @FunctionalInterface
    public interface Handler {
        void handle(Context ctx, Actor actor) throws Exception;
    }
}
