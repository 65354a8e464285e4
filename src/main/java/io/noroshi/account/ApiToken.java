package io.noroshi.account;

import java.time.Instant;
import java.util.Optional;

/**
 * An API token as stored: its SHA-256, never the token itself.
 *
 * @param prefix the first characters of the token, to tell tokens apart in lists
 */
public record ApiToken(String id, String operatorId, String name, String prefix, String tokenHash, Scope scope,
                       Instant createdAt, Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {
    public boolean isRevoked() {
        return revokedAt.isPresent();
    }
}
