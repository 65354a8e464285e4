package io.noroshi.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.noroshi.monitor.AgentApi;
import io.noroshi.account.Scope;
import io.noroshi.admin.AdminRoutes;
import io.noroshi.storage.DatabaseHealth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every dynamic route of the hub, in one place: public ones first, then protected ones.
 * Public pages, the Statuspage API, feeds and badges are not here: they are files of the
 * snapshot, served by {@link SnapshotHandler} before a request reaches these routes.
 */
public final class Routes {

    private final SnapshotHolder snapshots;
    private final MetricsText metrics;
    private final AgentApi agents; // null when the hub runs without monitoring
    private final AdminRoutes admin; // null without the admin API and pages
    private final DatabaseHealth database; // null in tests of the read path

    /** Without monitoring or the admin API and pages (tests of the read path); {@code /metrics} is then open. */
    public Routes(SnapshotHolder snapshots, PrometheusMeterRegistry metrics) {
        this(snapshots, metrics, null, null, null);
    }

    public Routes(SnapshotHolder snapshots, PrometheusMeterRegistry metrics, AgentApi agents, AdminRoutes admin, DatabaseHealth database) {
        this.snapshots = snapshots;
        this.metrics = new MetricsText(metrics);
        this.agents = agents;
        this.admin = admin;
        this.database = database;
    }

    public void register(JavalinConfig config) {
        config.routes.get("/healthz", this::health);
        config.routes.get("/metrics", this::metrics);
        if (agents != null) {
            // heartbeat pushes: the secret in the path or in Authorization: Bearer; GET for the simplest cron lines
            var heartbeats = agents.heartbeats();
            for (String path : new String[] {"/api/heartbeat/{id}", "/api/heartbeat/{id}/{secret}"}) {
                config.routes.post(path, heartbeats::push);
                config.routes.get(path, heartbeats::push);
            }
            config.routes.get("/api/agent/v1/checks", agents::checks); // bearer token of an agent
            config.routes.post("/api/agent/v1/results", agents::results);
        }
        if (admin != null) admin.registerPublic(config);
        // protected: admin API (bearer token with scope) and admin pages (session + CSRF)
        if (admin != null) admin.registerProtected(config);
        ApiErrors.register(config, database, snapshots);
    }

    private void health(Context ctx) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", snapshots.snapshot().isPresent() ? "ok" : "starting");
        snapshots.snapshot().ifPresent(s -> body.put("snapshot_generated_at", s.generatedAt().toString()));
        // Still 200 when the database is down: the public page is served from memory all the same.
        if (database != null) body.put("database", database.isDown() ? "down" : "up");
        ctx.status(snapshots.snapshot().isPresent() ? 200 : 503).json(Map.copyOf(body));
    }

    private void metrics(Context ctx) {
        // Monitor ids, agents and their activity are not for strangers: an API token with scope read
        // (or the separate listener of monitoring.metrics_bind, see MetricsListener).
        if (admin != null) admin.requireToken(ctx, Scope.READ);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
