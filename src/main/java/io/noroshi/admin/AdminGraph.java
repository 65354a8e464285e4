package io.noroshi.admin;

import io.noroshi.account.Accounts;
import io.noroshi.account.ApiTokens;
import io.noroshi.account.LoginThrottle;
import io.noroshi.account.PasswordHashes;
import io.noroshi.account.SecretTokens;
import io.noroshi.account.Sessions;
import io.noroshi.component.ComponentHandBack;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.statuspage.SnapshotPublisher;
import io.noroshi.storage.Database;
import java.time.InstantSource;

/**
 * The admin side of the hub, built with {@code new} in one place: accounts, the write commands
 * every writer shares, and the routes of the admin API and pages.
 */
public record AdminGraph(Accounts accounts, ApiTokens tokens, AccessCommands access, IncidentCommands incidents,
                         MaintenanceCommands maintenance, ComponentOverrides overrides, AdminRoutes routes,
                         MaintenanceSchedule maintenanceSchedule) {

    public static AdminGraph build(NoroshiConfig config, Database database, SnapshotPublisher publisher, InstantSource clock) {
        return build(config, database, publisher, clock, ComponentHandBack.OPERATIONAL);
    }

    /** @param handBack what a component handed back by people shows (the monitors' current status) */
    public static AdminGraph build(NoroshiConfig config, Database database, SnapshotPublisher publisher, InstantSource clock,
                                   ComponentHandBack handBack) {
        return build(config, database, publisher, clock, handBack, java.util.List.of());
    }

    /** @param features other features' admin API routes and pages (the monitor engine's) */
    public static AdminGraph build(NoroshiConfig config, Database database, SnapshotPublisher publisher, InstantSource clock,
                                   ComponentHandBack handBack, java.util.List<AdminFeature.Factory> features) {
        return build(config, database, publisher, clock, handBack, features, io.noroshi.notify.Announcements.NONE, UpdateReview.NONE);
    }

    /**
     * @param announcements what incident and maintenance changes tell the notification outbox
     * @param review        another feature's check of every incident update, and its records with it (communication's lint and promises)
     */
    public static AdminGraph build(NoroshiConfig config, Database database, SnapshotPublisher publisher, InstantSource clock,
                                   ComponentHandBack handBack, java.util.List<AdminFeature.Factory> features,
                                   io.noroshi.notify.Announcements announcements, UpdateReview review) {
        var secrets = new SecretTokens();
        var json = new AdminJson();
        var accounts = new Accounts(database.operators(), new PasswordHashes(), new LoginThrottle(clock), secrets, clock);
        var tokens = new ApiTokens(database.tokens(), database.operators(), secrets, clock);
        var claims = new IdempotencyClaim(database.idempotencyKeys());
        var audit = new AuditTrail(database.auditLog(), json, clock, claims);
        var publish = new PublishAfterWrite(publisher::publishNow);
        var components = new ComponentStatuses(config, database.componentStates(), handBack);
        var writes = new AuditedWrite(database.allOrNothing(), audit, publish, clock, database.changes()::announce);
        var incidents = new IncidentCommands(database.incidents(), components, json, writes, announcements, review);
        var maintenance = new MaintenanceCommands(database.maintenance(), components, json, writes, announcements);
        var overrides = new ComponentOverrides(components, writes, announcements);
        var access = new AccessCommands(accounts, tokens, audit, database.allOrNothing());
        var gate = new SessionGate(new Sessions(database.sessions(), secrets, clock), accounts, secrets,
                () -> publisher.failure().map(f -> "The public status page is behind: publishing it has failed since " + f.since()
                        + " (" + f.attempts() + " attempts, last error: " + f.error() + "). Changes are stored and become public"
                        + " with the first render that succeeds; the hub keeps retrying. See the hub's log."), config.page().timeZone(), clock,
                new TargetNames(config, database));
        var failureDomains = new FailureDomainsView(config, clock);
        var findings = new LiveFindingsView(config.audit(), database.auditFindings());
        var pages = new AdminPages(gate, accounts, access, audit, new IncidentPages(gate, incidents, maintenance, overrides, audit),
                new FailureDomainPages(gate, failureDomains, findings));
        var idempotent = new IdempotentRequests(database.idempotencyKeys(), claims, clock);
        var routes = new AdminRoutes(tokens, idempotent, new IncidentApi(incidents, json), new MaintenanceApi(maintenance, overrides, json),
                new AccessApi(access, audit, json, config.page().timeZone()), new FailureDomainApi(failureDomains, findings, json), pages, json,
                features.stream().map(f -> f.build(gate, json)).toList());
        return new AdminGraph(accounts, tokens, access, incidents, maintenance, overrides, routes,
                new MaintenanceSchedule(database.maintenance(), maintenance, clock));
    }
}
