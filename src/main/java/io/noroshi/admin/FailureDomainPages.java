package io.noroshi.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The admin pages of the failure-domain audit: the inventory's diagram with a chosen site's or shared part's
 * blast radius ({@code /admin/failure-domains?fail=ID}), and the scheduled live audit's findings
 * ({@code /admin/findings}). Both only read; choosing what fails is a plain link, no JavaScript.
 */
public final class FailureDomainPages {

    private final SessionGate gate;
    private final FailureDomainsView inventory;
    private final LiveFindingsView live;

    public FailureDomainPages(SessionGate gate, FailureDomainsView inventory, LiveFindingsView live) {
        this.gate = gate;
        this.inventory = inventory;
        this.live = live;
    }

    void register(JavalinConfig config) {
        config.routes.get("/admin/failure-domains", this::failureDomains);
        config.routes.get("/admin/findings", this::findings);
    }

    private void failureDomains(Context ctx) {
        Optional<String> fail = Optional.ofNullable(ctx.queryParam("fail")).filter(f -> !f.isEmpty());
        FailureDomainsView.Page page;
        AdminChrome chrome = gate.chrome(ctx, "title.failure_domains");
        try {
            page = inventory.page(fail);
        } catch (UnknownTarget e) {
            // the page still lists every site and shared part to choose from; 400, as a 404 answer becomes the JSON "nothing here"
            ctx.status(400);
            page = inventory.page(Optional.empty());
            chrome = chrome.withError(e.getMessage() + "; choose one below");
        }
        gate.render(ctx, "admin/failure_domains.jte", "chrome", chrome, "page", page);
    }

    private void findings(Context ctx) {
        gate.render(ctx, "admin/findings.jte", "chrome", gate.chrome(ctx, "title.findings"), "domains", live.domains(),
                "settings", live.settings());
    }
}
