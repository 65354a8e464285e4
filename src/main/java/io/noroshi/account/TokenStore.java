package io.noroshi.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens, looked up by the SHA-256 hex of the presented token. */
public interface TokenStore {

    ApiToken create(String operatorId, String name, String prefix, String tokenHash, Scope scope, Instant at);

    /** The token with this hash, revoked or not. */
    Optional<ApiToken> findByHash(String tokenHash);

    Optional<ApiToken> find(String id);

    /** Every token, newest first. */
    List<ApiToken> all();

    /** Marks it revoked; false when unknown or revoked already. */
    boolean revoke(String id, Instant at);

    void touch(String id, Instant at);
}
