package io.noroshi.account;

import java.time.Instant;
import java.util.Optional;

/** Login sessions keyed by the SHA-256 hex of the cookie value. */
public interface SessionStore {

    void create(Session session);

    /** The session when it exists and has not expired at {@code now}. */
    Optional<Session> find(String idHash, Instant now);

    void delete(String idHash);

    /** Removes sessions expired at {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
