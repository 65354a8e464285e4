package io.noroshi.storage;

import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentUpdate;
import io.noroshi.incident.Maintenance;
import io.noroshi.incident.MaintenanceStatus;
import io.noroshi.incident.MaintenanceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link MaintenanceStore} on SQLite or PostgreSQL; updates are ordered like incident updates (a
 * per-maintenance sequence bumped under the row lock). Times are kept at millisecond precision.
 */
final class JdbiMaintenanceStore implements MaintenanceStore {

    private static final String SELECT = "SELECT id, name, status, impact, scheduled_for, scheduled_until, "
            + "created_at, updated_at, auto_start, auto_complete FROM maintenance ";

    private final Transactions db;

    JdbiMaintenanceStore(Transactions db) {
        this.db = db;
    }

    @Override
    public Maintenance schedule(Text name, Impact impact, Instant from, Instant until, List<String> componentIds,
                                Text announcement, Instant at, boolean autoStart, boolean autoComplete) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(impact, "impact");
        List<String> components = List.copyOf(componentIds);
        String id = db.ids().next();
        return db.write(handle -> {
            handle.createUpdate("INSERT INTO maintenance (id, name, status, impact, scheduled_for, scheduled_until, "
                            + "created_at, updated_at, last_seq, auto_start, auto_complete) "
                            + "VALUES (:id, :name, :status, :impact, :from, :until, :at, :at, 1, :autoStart, :autoComplete)")
                    .bind("autoStart", autoStart)
                    .bind("autoComplete", autoComplete)
                    .bind("id", id)
                    .bind("name", db.texts().write(name))
                    .bind("status", MaintenanceStatus.SCHEDULED.wire())
                    .bind("impact", impact.wire())
                    .bind("from", from.toEpochMilli())
                    .bind("until", until.toEpochMilli())
                    .bind("at", at.toEpochMilli())
                    .execute();
            var batch = handle.prepareBatch("INSERT INTO maintenance_components (maintenance_id, position, component_id) "
                    + "VALUES (:id, :position, :component)");
            for (int i = 0; i < components.size(); i++) {
                batch.bind("id", id).bind("position", i).bind("component", components.get(i)).add();
            }
            if (!components.isEmpty()) {
                batch.execute();
            }
            insertUpdate(handle, id, 1, MaintenanceStatus.SCHEDULED, announcement, at);
            return find(handle, id).orElseThrow();
        });
    }

    @Override
    public Optional<Maintenance> addUpdate(String maintenanceId, MaintenanceStatus status, Text body, Instant at) {
        Objects.requireNonNull(status, "status");
        return db.write(handle -> {
            Optional<Integer> seq = handle.createQuery("UPDATE maintenance SET status = :status, updated_at = :at, "
                            + "last_seq = last_seq + 1 WHERE id = :id RETURNING last_seq")
                    .bind("status", status.wire())
                    .bind("at", at.toEpochMilli())
                    .bind("id", maintenanceId)
                    .mapTo(Integer.class)
                    .findOne();
            seq.ifPresent(s -> insertUpdate(handle, maintenanceId, s, status, body, at));
            return seq.flatMap(s -> find(handle, maintenanceId));
        });
    }

    @Override
    public Optional<MaintenanceStatus> statusForChange(String maintenanceId) {
        return db.write(handle -> handle.createQuery("SELECT status FROM maintenance WHERE id = :id" + db.engine().forUpdate())
                .bind("id", maintenanceId).mapTo(String.class).findOne().map(MaintenanceStatus::fromWire));
    }

    @Override
    public Optional<Maintenance> find(String maintenanceId) {
        return db.read(handle -> find(handle, maintenanceId));
    }

    @Override
    public List<Maintenance> open() {
        return db.read(handle -> select(handle, "WHERE status NOT IN ('completed', 'cancelled') ORDER BY scheduled_for, id", q -> { }));
    }

    @Override
    public List<Maintenance> history(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must be >= 0, got " + offset + ", " + limit);
        }
        return db.read(handle -> select(handle, "ORDER BY scheduled_for DESC, id DESC LIMIT :limit OFFSET :offset",
                q -> q.bind("limit", limit).bind("offset", offset)));
    }

    private Optional<Maintenance> find(Handle handle, String id) {
        return select(handle, "WHERE id = :id", q -> q.bind("id", id)).stream().findFirst();
    }

    private List<Maintenance> select(Handle handle, String whereOrderLimit, Consumer<Query> binds) {
        Query query = handle.createQuery(SELECT + whereOrderLimit);
        binds.accept(query);
        List<Maintenance> headers = query.map((rs, ctx) -> new Maintenance(rs.getString("id"),
                db.texts().read(rs.getString("name")), MaintenanceStatus.fromWire(rs.getString("status")),
                Impact.fromWire(rs.getString("impact")), Instant.ofEpochMilli(rs.getLong("scheduled_for")),
                Instant.ofEpochMilli(rs.getLong("scheduled_until")), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")), List.of(), List.of(), rs.getBoolean("auto_start"),
                rs.getBoolean("auto_complete"))).list();
        if (headers.isEmpty()) {
            return List.of();
        }
        List<String> ids = headers.stream().map(Maintenance::id).toList();
        Map<String, List<IncidentUpdate>> updates = new HashMap<>();
        handle.createQuery("SELECT id, maintenance_id, status, body, created_at FROM maintenance_updates "
                        + "WHERE maintenance_id IN (<ids>) ORDER BY maintenance_id, seq")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getString("maintenance_id"), new IncidentUpdate(rs.getString("id"),
                        rs.getString("status"), db.texts().read(rs.getString("body")),
                        Instant.ofEpochMilli(rs.getLong("created_at")), List.of())))
                .forEach(e -> updates.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, List<String>> components = new HashMap<>();
        handle.createQuery("SELECT maintenance_id, component_id FROM maintenance_components "
                        + "WHERE maintenance_id IN (<ids>) ORDER BY maintenance_id, position")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getString("maintenance_id"), rs.getString("component_id")))
                .forEach(e -> components.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return headers.stream().map(m -> new Maintenance(m.id(), m.name(), m.status(), m.impact(), m.scheduledFor(),
                m.scheduledUntil(), m.createdAt(), m.updatedAt(), updates.getOrDefault(m.id(), List.of()),
                components.getOrDefault(m.id(), List.of()), m.autoStart(), m.autoComplete())).toList();
    }

    private void insertUpdate(Handle handle, String maintenanceId, int seq, MaintenanceStatus status, Text body, Instant at) {
        handle.createUpdate("INSERT INTO maintenance_updates (id, maintenance_id, seq, status, body, created_at) "
                        + "VALUES (:id, :maintenance, :seq, :status, :body, :at)")
                .bind("id", db.ids().next())
                .bind("maintenance", maintenanceId)
                .bind("seq", seq)
                .bind("status", status.wire())
                .bind("body", db.texts().write(body))
                .bind("at", at.toEpochMilli())
                .execute();
    }
}
