package io.noroshi.storage;

import io.noroshi.retry.IdempotencyKeys;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link IdempotencyKeys} on SQLite or PostgreSQL. The primary key (caller, key) decides between two
 * requests racing with one key: the second INSERT finds the first's row (on PostgreSQL it waits for
 * the first to commit) and stores nothing.
 */
final class JdbiIdempotencyKeys implements IdempotencyKeys {

    private final Transactions db;

    JdbiIdempotencyKeys(Transactions db) {
        this.db = db;
    }

    @Override
    public Optional<StoredAnswer> find(String caller, String key) {
        return db.read(handle -> handle.createQuery("SELECT request_hash, status, body, created_at FROM idempotency_keys "
                        + "WHERE caller = :caller AND idem_key = :key")
                .bind("caller", caller).bind("key", key)
                .map((rs, ctx) -> new StoredAnswer(rs.getString("request_hash"), rs.getInt("status"), rs.getString("body"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .findOne());
    }

    @Override
    public boolean store(String caller, String key, StoredAnswer answer, Instant expiredBefore) {
        // One statement: a new key is inserted, an expired one replaced, a live one left alone (0 rows).
        return db.write(handle -> handle.createUpdate("INSERT INTO idempotency_keys (caller, idem_key, request_hash, status, body, created_at) "
                        + "VALUES (:caller, :key, :hash, :status, :body, :at) ON CONFLICT (caller, idem_key) DO UPDATE SET "
                        + "request_hash = excluded.request_hash, status = excluded.status, body = excluded.body, created_at = excluded.created_at "
                        + "WHERE idempotency_keys.created_at < :before")
                .bind("caller", caller).bind("key", key).bind("hash", answer.requestHash()).bind("status", answer.status())
                .bind("body", answer.body()).bind("at", answer.at().toEpochMilli()).bind("before", expiredBefore.toEpochMilli())
                .execute() == 1);
    }

    @Override
    public void answer(String caller, String key, int status, String body) {
        db.write(handle -> handle.createUpdate("UPDATE idempotency_keys SET status = :status, body = :body WHERE caller = :caller AND idem_key = :key")
                .bind("status", status).bind("body", body).bind("caller", caller).bind("key", key).execute());
    }

    @Override
    public int purge(Instant before) {
        return db.write(handle -> handle.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :before")
                .bind("before", before.toEpochMilli()).execute());
    }
}
