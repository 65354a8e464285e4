package io.noroshi.comms;

import io.noroshi.admin.AdminFeature;
import io.noroshi.admin.UpdateReview;
import io.noroshi.comms.lint.UpdateLint;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.incident.IncidentStore;

/**
 * The communication feature built once for a hub: the lint, the review every incident update goes
 * through, and its admin side. The hub hands {@link #review()} and {@link #admin()} to the admin graph.
 */
public final class Communication {

    private final LintReview lint;
    private final CommsUpdates updates;
    private final IncidentStore incidents;

    public Communication(NoroshiConfig config, IncidentStore incidents, PromiseKeeper promises) {
        this.incidents = incidents;
        this.lint = new LintReview(new UpdateLint(), config.communication(), config.components());
        this.updates = new CommsUpdates(lint, promises);
    }

    public UpdateReview review() {
        return updates;
    }

    public AdminFeature.Factory admin() {
        return (gate, json) -> new CommsAdmin(lint, incidents, gate, json);
    }
}
