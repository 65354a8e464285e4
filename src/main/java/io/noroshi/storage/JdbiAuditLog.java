package io.noroshi.storage;

import io.noroshi.account.AuditEntry;
import io.noroshi.account.AuditLog;
import java.time.Instant;
import java.util.List;

/**
 * {@link AuditLog} on SQLite or PostgreSQL. Sequence numbers come from the one row of
 * {@code audit_counter}, bumped under its row lock, so concurrent appends never share or skip one.
 */
final class JdbiAuditLog implements AuditLog {

    private final Transactions db;

    JdbiAuditLog(Transactions db) {
        this.db = db;
    }

    @Override
    public AuditEntry append(Instant at, String actor, String action, String target, String before, String after) {
        return db.write(handle -> {
            long seq = handle.createQuery("UPDATE audit_counter SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq")
                    .mapTo(Long.class).one();
            handle.createUpdate("INSERT INTO audit_log (seq, at, actor, action, target, before_json, after_json) "
                            + "VALUES (:seq, :at, :actor, :action, :target, :before, :after)")
                    .bind("seq", seq).bind("at", at.toEpochMilli()).bind("actor", actor).bind("action", action)
                    .bind("target", target).bind("before", before).bind("after", after).execute();
            return new AuditEntry(seq, Instant.ofEpochMilli(at.toEpochMilli()), actor, action, target, before, after);
        });
    }

    @Override
    public List<AuditEntry> recent(String target, int limit) {
        return before(target, Long.MAX_VALUE, limit);
    }

    @Override
    public List<AuditEntry> before(String target, long beforeSeq, int limit) {
        return db.read(handle -> handle.createQuery("SELECT seq, at, actor, action, target, before_json, after_json FROM audit_log "
                        + "WHERE seq < :before " + (target.isEmpty() ? "" : "AND target = :target ") + "ORDER BY seq DESC LIMIT :limit")
                .bind("target", target).bind("before", beforeSeq).bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("seq"), Instant.ofEpochMilli(rs.getLong("at")), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getString("before_json"), rs.getString("after_json")))
                .list());
    }
}
