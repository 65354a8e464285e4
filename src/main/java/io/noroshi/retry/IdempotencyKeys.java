package io.noroshi.retry;

import java.time.Instant;
import java.util.Optional;

/**
 * The first answer to each write a caller sent with an {@code Idempotency-Key}: what lets a retry of
 * the same request return that answer instead of making the change again. Keys belong to a caller
 * (an API token's operator and label), so two callers never see each other's answers.
 */
public interface IdempotencyKeys {

    /** The answer stored for {@code key}, however old. */
    Optional<StoredAnswer> find(String caller, String key);

    /**
     * Stores the answer; call it inside the transaction of the change it answers, so both commit
     * or neither. Replaces an entry older than {@code expiredBefore}.
     *
     * @return false when another request stored this key first (the caller's transaction should
     *         then roll back and answer with what that request stored)
     */
    boolean store(String caller, String key, StoredAnswer answer, Instant expiredBefore);

    /** Fills in the answer of a key stored {@link StoredAnswer#PENDING}. */
    void answer(String caller, String key, int status, String body);

    /** Removes every entry stored before {@code before}; returns how many. */
    int purge(Instant before);

    /**
     * @param requestHash SHA-256 (hex) of the request's method, path and body
     * @param status      the HTTP status answered
     * @param body        the answer's JSON body
     */
    record StoredAnswer(String requestHash, int status, String body, Instant at) {
        /** The status of a key whose change is stored but whose answer is not yet. */
        public static final int PENDING = 0;

        public boolean answered() {
            return status != PENDING;
        }
    }
}
