package io.noroshi.admin;

import io.noroshi.retry.IdempotencyKeys;
import io.noroshi.retry.IdempotencyKeys.StoredAnswer;
import java.time.Instant;

/**
 * The Idempotency-Key of the request this thread is handling, claimed inside the transaction of the
 * first change the request makes (by {@link AuditTrail#together}): the key is stored if and only if
 * the change is, so a retry can never apply it twice. The answer is filled in once the request has
 * it ({@link IdempotentRequests}); keeping the transaction to the change alone keeps the one
 * SQLite writer free while the answer is built.
 */
final class IdempotencyClaim {

    /** What a request with a key claims. */
    record Pending(String caller, String key, String requestHash, Instant at, Instant expiredBefore) {
    }

    /** Thrown inside the change's transaction when another request holds the key: the change rolls back. */
    static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }

    private final IdempotencyKeys keys;
    private final ThreadLocal<Pending> pending = new ThreadLocal<>();
    private final ThreadLocal<Boolean> claimed = new ThreadLocal<>();

    IdempotencyClaim(IdempotencyKeys keys) {
        this.keys = keys;
    }

    void begin(Pending request) {
        pending.set(request);
        claimed.remove();
    }

    /** Whether the request's change claimed its key (committed with it, when it returned normally). */
    boolean claimed() {
        return Boolean.TRUE.equals(claimed.get());
    }

    void end() {
        pending.remove();
        claimed.remove();
    }

    /** Inside a change's transaction: stores the key (once per request) without its answer yet. */
    void claimInTransaction() {
        Pending request = pending.get();
        if (request == null || claimed()) return;
        if (!keys.store(request.caller(), request.key(), new StoredAnswer(request.requestHash(), StoredAnswer.PENDING, "", request.at()),
                request.expiredBefore())) {
            throw new KeyTaken();
        }
        claimed.set(true);
    }
}
