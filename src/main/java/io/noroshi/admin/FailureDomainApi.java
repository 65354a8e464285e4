package io.noroshi.admin;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.audit.AuditReportJson;
import io.noroshi.audit.TrackedFinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /api/admin/v1/failure-domains} and {@code /findings}: what the failure-domain pages show, as JSON. */
public final class FailureDomainApi {

    private final FailureDomainsView inventory;
    private final LiveFindingsView live;
    private final AdminJson json;

    public FailureDomainApi(FailureDomainsView inventory, LiveFindingsView live, AdminJson json) {
        this.inventory = inventory;
        this.live = live;
        this.json = json;
    }

    List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HandlerType.GET, "/failure-domains", Scope.READ, "The inventory audit of the hub's config: findings by"
                        + " severity with rule id, evidence and reference, and every blast radius (?fail=ID: only that site's or shared part's)",
                        "", 200, this::failureDomains),
                new ApiRoute(HandlerType.GET, "/findings", Scope.READ, "Findings of the scheduled live DNS audit per domain: new, open"
                        + " and resolved, with the latest run and its error", "", 200, this::findings));
    }

    void failureDomains(Context ctx, Actor actor) {
        Optional<String> fail = Optional.ofNullable(ctx.queryParam("fail")).filter(f -> !f.isEmpty());
        Params.json(ctx, 200, new AuditReportJson().render(inventory.report(fail)));
    }

    void findings(Context ctx, Actor actor) {
        Params.json(ctx, 200, json.write(live.domains().stream().map(FailureDomainApi::domain).toList()));
    }

    private static Map<String, Object> domain(LiveFindingsView.Domain domain) {
        var map = new LinkedHashMap<String, Object>();
        map.put("domain", domain.domain());
        map.put("last_run_at", domain.run().map(r -> r.at().toString()).orElse(null));
        map.put("last_run_error", domain.run().flatMap(r -> r.error()).orElse(null));
        map.put("last_success_at", domain.run().flatMap(r -> r.lastSuccess()).map(Object::toString).orElse(null));
        map.put("findings", domain.findings().stream().map(f -> finding(domain, f)).toList());
        return map;
    }

    private static Map<String, Object> finding(LiveFindingsView.Domain domain, TrackedFinding tracked) {
        var map = new LinkedHashMap<String, Object>();
        map.put("state", domain.state(tracked).wire());
        map.put("rule", tracked.finding().ruleId());
        map.put("severity", tracked.finding().severity().id());
        map.put("message", tracked.finding().message());
        map.put("evidence", tracked.finding().evidence());
        map.put("reference", tracked.finding().reference());
        map.put("first_seen", tracked.firstSeen().toString());
        map.put("last_seen", tracked.lastSeen().toString());
        map.put("resolved_at", tracked.resolvedAt().map(Object::toString).orElse(null));
        return map;
    }
}
