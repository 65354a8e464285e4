package io.noroshi.storage;

import io.noroshi.config.Text;
import io.noroshi.incident.AffectedComponent;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentEntry;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link IncidentStore} on SQLite or PostgreSQL. Update order comes from {@code incidents.last_seq}:
 * each append bumps it with one UPDATE, which takes the incident's row lock on PostgreSQL (and the
 * single write connection on SQLite), so concurrent appends get consecutive numbers, never the same.
 * Times are kept at millisecond precision.
 */
final class JdbiIncidentStore implements IncidentStore {

    private final Transactions db;
    private final IncidentRows rows;

    JdbiIncidentStore(Transactions db) {
        this.db = db;
        this.rows = new IncidentRows(db.texts());
    }

    @Override
    public Incident open(Text name, Impact impact, NewUpdate first) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(first, "first");
        String id = db.ids().next();
        return db.write(handle -> {
            handle.createUpdate("INSERT INTO incidents (id, name, status, impact, created_at, updated_at, postmortem, last_seq) "
                            + "VALUES (:id, :name, :status, :impact, :at, :at, :postmortem, 1)")
                    .bind("id", id)
                    .bind("name", db.texts().write(name))
                    .bind("status", first.status().wire())
                    .bind("impact", impact.wire())
                    .bind("at", first.at().toEpochMilli())
                    .bind("postmortem", db.texts().write(Text.EMPTY))
                    .execute();
            insertUpdate(handle, id, 1, first);
            return rows.find(handle, id, false).orElseThrow();
        });
    }

    @Override
    public Optional<Incident> addUpdate(String incidentId, NewUpdate update) {
        Objects.requireNonNull(update, "update");
        return db.write(handle -> {
            Optional<Integer> seq = handle.createQuery("UPDATE incidents SET status = :status, updated_at = :at, "
                            + "last_seq = last_seq + 1, revision = revision + 1 WHERE id = :id RETURNING last_seq")
                    .bind("status", update.status().wire())
                    .bind("at", update.at().toEpochMilli())
                    .bind("id", incidentId)
                    .mapTo(Integer.class)
                    .findOne();
            seq.ifPresent(s -> insertUpdate(handle, incidentId, s, update));
            return seq.flatMap(s -> rows.find(handle, incidentId, false));
        });
    }

    @Override
    public Optional<Incident> setImpact(String incidentId, Impact impact, Instant at) {
        Objects.requireNonNull(impact, "impact");
        return change(incidentId, "impact = :impact", at, "impact", impact.wire());
    }

    @Override
    public Optional<Incident> attachPostmortem(String incidentId, Text postmortem, Instant at) {
        Objects.requireNonNull(postmortem, "postmortem");
        return change(incidentId, "postmortem = :postmortem, status = '" + IncidentStatus.POSTMORTEM.wire() + "'", at,
                "postmortem", db.texts().write(postmortem));
    }

    @Override
    public Optional<Incident> find(String incidentId) {
        return db.read(handle -> rows.find(handle, incidentId, !db.inWrite()));
    }

    @Override
    public Optional<IncidentStatus> statusForChange(String incidentId) {
        return db.write(handle -> handle.createQuery("SELECT status FROM incidents WHERE id = :id" + db.engine().forUpdate())
                .bind("id", incidentId).mapTo(String.class).findOne().map(IncidentStatus::fromWire));
    }

    @Override
    public List<Incident> unresolved() {
        return db.read(handle -> rows.select(handle, "WHERE status NOT IN ('resolved', 'postmortem') "
                + "ORDER BY created_at DESC, id DESC", query -> { }, !db.inWrite()));
    }

    @Override
    public List<Incident> history(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must be >= 0, got " + offset + ", " + limit);
        }
        return db.read(handle -> rows.select(handle, "ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset",
                query -> query.bind("limit", limit).bind("offset", offset), !db.inWrite()));
    }

    @Override
    public int count() {
        return db.read(handle -> handle.createQuery("SELECT count(*) FROM incidents").mapTo(Integer.class).one());
    }

    @Override
    public List<IncidentEntry> entries() {
        return db.read(handle -> handle.createQuery("SELECT id, created_at, updated_at, revision FROM incidents "
                        + "ORDER BY created_at DESC, id DESC")
                .map(JdbiIncidentStore::entry)
                .list());
    }

    @Override
    public List<IncidentEntry> entriesChangedSince(Instant since) {
        Objects.requireNonNull(since, "since");
        return db.read(handle -> handle.createQuery("SELECT id, created_at, updated_at, revision FROM incidents WHERE updated_at >= :since")
                .bind("since", since.toEpochMilli())
                .map(JdbiIncidentStore::entry)
                .list());
    }

    private static IncidentEntry entry(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new IncidentEntry(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), Instant.ofEpochMilli(rs.getLong(3)), rs.getInt(4));
    }

    @Override
    public List<Incident> findAll(Collection<String> ids) {
        if (ids.isEmpty()) return List.of();
        return db.read(handle -> rows.select(handle, "WHERE id IN (<ids>)", query -> query.bindList("ids", List.copyOf(ids)),
                !db.inWrite()));
    }

    private Optional<Incident> change(String incidentId, String assignments, Instant at, String name, String value) {
        Objects.requireNonNull(at, "at");
        return db.write(handle -> {
            int changed = handle.createUpdate("UPDATE incidents SET " + assignments + ", updated_at = :at, revision = revision + 1 WHERE id = :id")
                    .bind(name, value)
                    .bind("at", at.toEpochMilli())
                    .bind("id", incidentId)
                    .execute();
            return changed == 0 ? Optional.<Incident>empty() : rows.find(handle, incidentId, false);
        });
    }

    private void insertUpdate(Handle handle, String incidentId, int seq, NewUpdate update) {
        String updateId = db.ids().next();
        handle.createUpdate("INSERT INTO incident_updates (id, incident_id, seq, status, body, created_at) "
                        + "VALUES (:id, :incident, :seq, :status, :body, :at)")
                .bind("id", updateId)
                .bind("incident", incidentId)
                .bind("seq", seq)
                .bind("status", update.status().wire())
                .bind("body", db.texts().write(update.body()))
                .bind("at", update.at().toEpochMilli())
                .execute();
        var batch = handle.prepareBatch("INSERT INTO incident_update_components "
                + "(update_id, position, component_id, old_status, new_status) VALUES (:update, :position, :component, :old, :new)");
        List<AffectedComponent> affected = update.affected();
        for (int i = 0; i < affected.size(); i++) {
            AffectedComponent a = affected.get(i);
            batch.bind("update", updateId).bind("position", i).bind("component", a.componentId())
                    .bind("old", a.oldStatus().wire()).bind("new", a.newStatus().wire()).add();
        }
        if (!affected.isEmpty()) {
            batch.execute();
        }
    }
}
