package io.noroshi.admin;

import io.noroshi.account.Actor;
import io.noroshi.account.AuditEntry;
import io.noroshi.account.AuditLog;
import io.noroshi.storage.AllOrNothing;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Writes audit entries with the time from the injected clock and before/after as JSON. */
public final class AuditTrail {

    private final AuditLog log;
    private final AdminJson json;
    private final InstantSource clock;
    private final IdempotencyClaim claims;

    public AuditTrail(AuditLog log, AdminJson json, InstantSource clock) {
        this(log, json, clock, null);
    }

    /** @param claims the Idempotency-Key of the request being handled, claimed with its change; null when keys are not used */
    AuditTrail(AuditLog log, AdminJson json, InstantSource clock, IdempotencyClaim claims) {
        this.claims = claims;
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    /** Records that {@code actor} did {@code action} to {@code target}; {@code before} null when it is new. */
    public AuditEntry record(Actor actor, String action, String target, Object before, Object after) {
        return log.append(clock.instant(), actor.label(), action, target, json.write(before), json.write(after));
    }

    /**
     * Runs {@code write} and appends its entry in one transaction: both are stored or neither, so
     * the log never misses a change nor shows one that did not happen.
     *
     * @param entry the entry, from the write's result
     */
    public <T> T together(AllOrNothing transaction, Actor actor, Supplier<T> write, Function<T, Entry> entry) {
        return transaction.together(() -> {
            T written = write.get();
            Entry e = entry.apply(written);
            record(actor, e.action(), e.target(), e.before(), e.after());
            if (claims != null) claims.claimInTransaction();
            return written;
        });
    }

    public List<AuditEntry> recent(String target, int limit) {
        return log.recent(target == null ? "" : target, limit);
    }

    /** The page of entries older than sequence number {@code beforeSeq}, newest first. */
    public List<AuditEntry> before(String target, long beforeSeq, int limit) {
        return log.before(target == null ? "" : target, beforeSeq, limit);
    }

    /**
     * What the audit log says about one change.
     *
     * @param target e.g. {@code incident/ID}
     * @param before the target before the change (shown as JSON); null when it is new
     * @param after  the target after the change
     */
    public record Entry(String action, String target, Object before, Object after) {
    }
}
