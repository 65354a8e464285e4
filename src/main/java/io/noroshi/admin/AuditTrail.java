package io.noroshi.admin;

import io.noroshi.account.Actor;
import io.noroshi.account.AuditEntry;
import io.noroshi.account.AuditLog;
import java.time.InstantSource;
import java.util.List;

/** Writes audit entries with the time from the injected clock and before/after as JSON. */
public final class AuditTrail {

    private final AuditLog log;
    private final AdminJson json;
    private final InstantSource clock;

    public AuditTrail(AuditLog log, AdminJson json, InstantSource clock) {
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    /** Records that {@code actor} did {@code action} to {@code target}; {@code before} null when it is new. */
    public AuditEntry record(Actor actor, String action, String target, Object before, Object after) {
        return log.append(clock.instant(), actor.label(), action, target, json.write(before), json.write(after));
    }

    public List<AuditEntry> recent(String target, int limit) {
        return log.recent(target == null ? "" : target, limit);
    }
}
