package io.noroshi.admin;

import io.noroshi.account.Actor;
import io.noroshi.storage.AllOrNothing;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shape every admin change shares once it is validated: its store writes and its audit entry
 * commit in one transaction (both or neither, so the audit log never misses a change nor shows one
 * that did not happen), then the call returns when the public snapshot shows it.
 */
public final class AuditedWrite {

    private final AllOrNothing transaction;
    private final AuditTrail audit;
    private final PublishAfterWrite publish;
    private final InstantSource clock;
    private final Runnable announce;

    public AuditedWrite(AllOrNothing transaction, AuditTrail audit, PublishAfterWrite publish, InstantSource clock) {
        this(transaction, audit, publish, clock, () -> { });
    }

    /** @param announce tells other hubs on the same database, inside the change's transaction ({@code HubChanges::announce}) */
    public AuditedWrite(AllOrNothing transaction, AuditTrail audit, PublishAfterWrite publish, InstantSource clock, Runnable announce) {
        this.announce = announce;
        this.transaction = transaction;
        this.audit = audit;
        this.publish = publish;
        this.clock = clock;
    }

    /** The time a change is stamped with. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Stores a change and its audit entry together, then waits for the public snapshot.
     *
     * @param write the store writes; its result is returned
     * @param entry the audit entry of the change, from the result
     */
    public <T> T apply(Actor actor, Supplier<T> write, Function<T, AuditTrail.Entry> entry) {
        T result = audit.together(transaction, actor, () -> {
            T written = write.get();
            announce.run();
            return written;
        }, entry);
        publish.await();
        return result;
    }
}
