package io.noroshi.storage;

import io.noroshi.account.Session;
import io.noroshi.account.SessionStore;
import java.time.Instant;
import java.util.Optional;

/** {@link SessionStore} on SQLite or PostgreSQL, keyed by the hash of the cookie. */
final class JdbiSessionStore implements SessionStore {

    private final Transactions db;

    JdbiSessionStore(Transactions db) {
        this.db = db;
    }

    @Override
    public void create(Session session) {
        db.write(handle -> handle.createUpdate("INSERT INTO sessions (id_hash, operator_id, csrf_token, created_at, expires_at) "
                        + "VALUES (:id, :operator, :csrf, :created, :expires)")
                .bind("id", session.idHash()).bind("operator", session.operatorId()).bind("csrf", session.csrfToken())
                .bind("created", session.createdAt().toEpochMilli()).bind("expires", session.expiresAt().toEpochMilli()).execute());
    }

    @Override
    public Optional<Session> find(String idHash, Instant now) {
        return db.read(handle -> handle.createQuery("SELECT id_hash, operator_id, csrf_token, created_at, expires_at FROM sessions "
                        + "WHERE id_hash = :id AND expires_at > :now")
                .bind("id", idHash).bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new Session(rs.getString("id_hash"), rs.getString("operator_id"), rs.getString("csrf_token"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .findOne());
    }

    @Override
    public void delete(String idHash) {
        db.write(handle -> handle.createUpdate("DELETE FROM sessions WHERE id_hash = :id").bind("id", idHash).execute());
    }

    @Override
    public int purgeExpired(Instant now) {
        return db.write(handle -> handle.createUpdate("DELETE FROM sessions WHERE expires_at <= :now")
                .bind("now", now.toEpochMilli()).execute());
    }
}
