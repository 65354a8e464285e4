package io.noroshi.admin;

import io.noroshi.account.Accounts;
import io.noroshi.account.ApiTokens;
import io.noroshi.account.LoginThrottle;
import io.noroshi.account.PasswordHashes;
import io.noroshi.account.SecretTokens;
import io.noroshi.account.Sessions;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.statuspage.SnapshotPublisher;
import io.noroshi.storage.Database;
import java.time.InstantSource;

/**
 * The admin side of the hub, built with {@code new} in one place: accounts, the write commands
 * every writer shares, and the routes of the admin API and pages.
 */
public record AdminGraph(Accounts accounts, ApiTokens tokens, AccessCommands access, IncidentCommands incidents,
                         MaintenanceCommands maintenance, ComponentOverrides overrides, AdminRoutes routes) {

    public static AdminGraph build(NoroshiConfig config, Database database, SnapshotPublisher publisher, InstantSource clock) {
        var secrets = new SecretTokens();
        var json = new AdminJson();
        var accounts = new Accounts(database.operators(), new PasswordHashes(), new LoginThrottle(clock), secrets, clock);
        var tokens = new ApiTokens(database.tokens(), database.operators(), secrets, clock);
        var claims = new IdempotencyClaim(database.idempotencyKeys());
        var audit = new AuditTrail(database.auditLog(), json, clock, claims);
        var publish = new PublishAfterWrite(publisher::publishNow);
        var components = new ComponentStatuses(config, database.componentStates());
        var writes = new AuditedWrite(database.allOrNothing(), audit, publish, clock, database.changes()::announce);
        var incidents = new IncidentCommands(database.incidents(), components, json, writes);
        var maintenance = new MaintenanceCommands(database.maintenance(), components, json, writes);
        var overrides = new ComponentOverrides(components, writes);
        var access = new AccessCommands(accounts, tokens, audit, database.allOrNothing());
        var gate = new SessionGate(new Sessions(database.sessions(), secrets, clock), accounts, secrets);
        var failureDomains = new FailureDomainsView(config, clock);
        var findings = new LiveFindingsView(config.audit(), database.auditFindings());
        var pages = new AdminPages(gate, accounts, access, audit, new IncidentPages(gate, incidents, maintenance, overrides, audit),
                new FailureDomainPages(gate, failureDomains, findings));
        var idempotent = new IdempotentRequests(database.idempotencyKeys(), claims, clock);
        var routes = new AdminRoutes(tokens, idempotent, new IncidentApi(incidents, json), new MaintenanceApi(maintenance, overrides, json),
                new AccessApi(access, audit, json), new FailureDomainApi(failureDomains, findings, json), pages, json);
        return new AdminGraph(accounts, tokens, access, incidents, maintenance, overrides, routes);
    }
}
