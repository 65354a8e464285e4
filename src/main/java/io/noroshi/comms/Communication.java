package io.noroshi.comms;

import io.noroshi.admin.AdminFeature;
import io.noroshi.admin.UpdateReview;
import io.noroshi.comms.lint.UpdateLint;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.incident.IncidentStore;
import io.noroshi.statuspage.IncidentNotes;
import java.time.InstantSource;

/**
 * The communication feature built once for a hub: the lint and the promises every incident update
 * goes through, the ticker that reminds the team, what the public page says about the promises, and
 * the admin side. The hub hands these to the admin graph, the page and its timer.
 */
public final class Communication {

    private final NoroshiConfig config;
    private final IncidentStore incidents;
    private final CommsStore store;
    private final TeamMessenger messenger;
    private final TeamRoles roles;
    private final InstantSource clock;
    private final LintReview lint;
    private final CommsUpdates updates;

    public Communication(NoroshiConfig config, IncidentStore incidents, CommsStore store, TeamMessenger messenger, TeamRoles roles, InstantSource clock) {
        this.config = config;
        this.incidents = incidents;
        this.store = store;
        this.messenger = messenger;
        // The roster of noroshi.yaml when it names people; else the roles themselves are told.
        this.roles = config.communication().roster().rotations().isEmpty() ? roles : config.communication().roster();
        this.clock = clock;
        this.lint = new LintReview(new UpdateLint(), config.communication(), config.components());
        this.updates = new CommsUpdates(lint, new UpdatePromises(store, config.communication()));
    }

    /** Who reminders go to. */
    public TeamMessenger messenger() {
        return messenger;
    }

    public CommsStore store() {
        return store;
    }

    private volatile FirstNotices firstNotices;

    /**
     * The first notices, once the admin side exists (they open incidents through its commands).
     * Subscribe {@link FirstNotices#onVerdict} to the monitoring's verdict changes.
     */
    public FirstNotices firstNotices(io.noroshi.admin.IncidentCommands commands, io.noroshi.admin.AuditTrail audit) {
        firstNotices = new FirstNotices(config, store, incidents, commands, audit, clock);
        return firstNotices;
    }

    /** The first notices, when built. */
    public java.util.Optional<FirstNotices> firstNotices() {
        return java.util.Optional.ofNullable(firstNotices);
    }

    public UpdateReview review() {
        return updates;
    }

    public AdminFeature.Factory admin() {
        return (gate, json) -> new CommsAdmin(lint, incidents, store, this::firstNotices, report(), roles, gate, json,
                new DraftsPage(this::firstNotices, clock, gate)::register);
    }

    private volatile IncidentReport.DeliveryLog deliveryLog = IncidentReport.DeliveryLog.NONE;

    /** Where the report reads what was delivered: the notifications outbox, once the hub has one. */
    public void deliveriesFrom(IncidentReport.DeliveryLog log) {
        deliveryLog = log;
    }

    public IncidentReport report() {
        return new IncidentReport(store, config.page().timeZone(), config.communication().roster(), target -> deliveryLog.deliveries(target));
    }

    /** The notes the public page shows under each open incident. */
    public IncidentNotes publicNotes() {
        return new PublicPromises(store, config.page().timeZone())::notes;
    }

    /** @param refreshPublicPage re-renders the public page (a deadline passed: it now says "overdue") */
    public CommsTicker ticker(Runnable refreshPublicPage) {
        return new CommsTicker(config, incidents, store, messenger, roles, clock, refreshPublicPage);
    }
}
