package io.noroshi.account;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * Bearer tokens for the admin API: {@code nrs_} and 43 base64url characters, stored as SHA-256 with
 * a short prefix to recognise them by.
 */
public final class ApiTokens {

    public static final String PREFIX = "nrs_";
    /** Characters of the token kept in clear for lists: {@code nrs_} and four more. */
    public static final int SHOWN_PREFIX = PREFIX.length() + 4;
    public static final int MAX_NAME = 100;
    /**
     * How stale a token's last-used time may get: a request within this of the stored time writes
     * nothing, so a stream of API writes does not pay one more write transaction each.
     */
    public static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final TokenStore tokens;
    private final OperatorStore operators;
    private final SecretTokens secrets;
    private final InstantSource clock;

    public ApiTokens(TokenStore tokens, OperatorStore operators, SecretTokens secrets, InstantSource clock) {
        this.tokens = tokens;
        this.operators = operators;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Creates a token for {@code operatorId}; the returned secret is the only copy. */
    public IssuedToken issue(String operatorId, String name, Scope scope) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME) {
            throw new InvalidAccount("name", "token name must have 1 to " + MAX_NAME + " characters");
        }
        String secret = secrets.next(PREFIX);
        ApiToken token = tokens.create(operatorId, cleanName, secret.substring(0, SHOWN_PREFIX), SecretTokens.sha256(secret),
                scope, clock.instant());
        return new IssuedToken(token, secret);
    }

    /**
     * The caller behind an {@code Authorization: Bearer} value.
     *
     * @throws NotAuthenticated when missing, unknown or revoked
     */
    public Actor authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new NotAuthenticated("send an API token as 'Authorization: Bearer nrs_...'");
        }
        ApiToken token = tokens.findByHash(SecretTokens.sha256(secret))
                .filter(t -> !t.isRevoked())
                .orElseThrow(() -> new NotAuthenticated("this API token is unknown or revoked"));
        Operator operator = operators.find(token.operatorId())
                .orElseThrow(() -> new NotAuthenticated("the operator of this API token no longer exists"));
        Instant now = clock.instant();
        boolean stale = token.lastUsedAt().map(last -> last.isBefore(now.minus(LAST_USED_PRECISION))).orElse(true);
        if (stale) tokens.touch(token.id(), now);
        return Actor.token(operator, token);
    }

    public List<ApiToken> all() {
        return tokens.all();
    }

    public java.util.Optional<ApiToken> find(String id) {
        return tokens.find(id);
    }

    public boolean revoke(String id) {
        return tokens.revoke(id, clock.instant());
    }
}
