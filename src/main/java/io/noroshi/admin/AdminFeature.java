package io.noroshi.admin;

import io.javalin.config.JavalinConfig;
import java.util.List;

/**
 * A feature's own admin API routes and pages, registered behind the same token and session gates
 * as the rest of the admin (e.g. the monitor engine's {@code /admin/monitoring}). The feature's
 * classes live in its own package; {@code admin} only wires them in.
 */
public interface AdminFeature {

    /** API routes below {@link AdminRoutes#BASE}, described in the OpenAPI document. */
    List<ApiRoute> apiRoutes();

    /** Registers the feature's pages under {@code /admin/}; the session gate already guards them. */
    void registerPages(JavalinConfig config);

    /** Builds a feature's admin side once the shared gate and JSON writer exist. */
    @FunctionalInterface
    interface Factory {
        AdminFeature build(SessionGate gate, AdminJson json);
    }
}
