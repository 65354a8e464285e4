package io.noroshi.storage;

import io.noroshi.account.ApiToken;
import io.noroshi.account.Scope;
import io.noroshi.account.TokenStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@link TokenStore} on SQLite or PostgreSQL: only the hash and a prefix of each token are kept. */
final class JdbiTokenStore implements TokenStore {

    private static final String COLUMNS = "SELECT id, operator_id, name, prefix, token_hash, scope, created_at, last_used_at, revoked_at FROM api_tokens ";
    private static final RowMapper<ApiToken> ROW = (rs, ctx) -> new ApiToken(rs.getString("id"), rs.getString("operator_id"),
            rs.getString("name"), rs.getString("prefix"), rs.getString("token_hash"), Scope.fromWire(rs.getString("scope")),
            Instant.ofEpochMilli(rs.getLong("created_at")), optionalTime(rs, "last_used_at"), optionalTime(rs, "revoked_at"));

    private final Transactions db;

    JdbiTokenStore(Transactions db) {
        this.db = db;
    }

    @Override
    public ApiToken create(String operatorId, String name, String prefix, String tokenHash, Scope scope, Instant at) {
        String id = db.ids().next();
        db.write(handle -> handle.createUpdate("INSERT INTO api_tokens (id, operator_id, name, prefix, token_hash, scope, created_at) "
                        + "VALUES (:id, :operator, :name, :prefix, :hash, :scope, :at)")
                .bind("id", id).bind("operator", operatorId).bind("name", name).bind("prefix", prefix)
                .bind("hash", tokenHash).bind("scope", scope.wire()).bind("at", at.toEpochMilli()).execute());
        return find(id).orElseThrow();
    }

    @Override
    public Optional<ApiToken> findByHash(String tokenHash) {
        return db.read(handle -> handle.createQuery(COLUMNS + "WHERE token_hash = :hash").bind("hash", tokenHash).map(ROW).findOne());
    }

    @Override
    public Optional<ApiToken> find(String id) {
        return db.read(handle -> handle.createQuery(COLUMNS + "WHERE id = :id").bind("id", id).map(ROW).findOne());
    }

    @Override
    public List<ApiToken> all() {
        return db.read(handle -> handle.createQuery(COLUMNS + "ORDER BY created_at DESC, id").map(ROW).list());
    }

    @Override
    public boolean revoke(String id, Instant at) {
        return db.write(handle -> handle.createUpdate("UPDATE api_tokens SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .bind("id", id).bind("at", at.toEpochMilli()).execute() == 1);
    }

    @Override
    public void touch(String id, Instant at) {
        // Once a minute is precise enough, and spares the single SQLite writer a write per request.
        db.write(handle -> handle.createUpdate("UPDATE api_tokens SET last_used_at = :at WHERE id = :id "
                        + "AND (last_used_at IS NULL OR last_used_at < :stale)")
                .bind("id", id).bind("at", at.toEpochMilli()).bind("stale", at.toEpochMilli() - 60_000).execute());
    }

    private static Optional<Instant> optionalTime(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
