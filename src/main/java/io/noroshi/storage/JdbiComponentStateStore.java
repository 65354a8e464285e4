package io.noroshi.storage;

import io.noroshi.component.ComponentState;
import io.noroshi.component.ComponentStateStore;
import io.noroshi.component.ComponentStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link ComponentStateStore} on SQLite or PostgreSQL; one row per component, times in milliseconds. */
final class JdbiComponentStateStore implements ComponentStateStore {

    private final Transactions db;

    JdbiComponentStateStore(Transactions db) {
        this.db = db;
    }

    @Override
    public Map<String, ComponentState> all() {
        return db.read(handle -> {
            var states = new LinkedHashMap<String, ComponentState>();
            handle.createQuery("SELECT component_id, status, updated_at, overridden, monitoring_unavailable FROM component_states ORDER BY component_id")
                    .map((rs, ctx) -> new ComponentState(rs.getString("component_id"),
                            ComponentStatus.fromWire(rs.getString("status")),
                            Instant.ofEpochMilli(rs.getLong("updated_at")), rs.getBoolean("overridden"), rs.getBoolean("monitoring_unavailable")))
                    .forEach(state -> states.put(state.componentId(), state));
            return Map.copyOf(states);
        });
    }

    @Override
    public ComponentStatus put(ComponentState state) {
        return db.write(handle -> {
            // An insert that finds the row does nothing (after waiting for a concurrent insert of it to commit);
            // then the row is locked before it is read, so the status returned is the one this write replaces.
            int inserted = handle.createUpdate("INSERT INTO component_states (component_id, status, updated_at, overridden, monitoring_unavailable) "
                            + "VALUES (:id, :status, :at, :overridden, :unavailable) ON CONFLICT (component_id) DO NOTHING")
                    .bindMap(columns(state)).execute();
            if (inserted == 1) return ComponentStatus.OPERATIONAL;
            ComponentStatus before = handle.createQuery("SELECT status FROM component_states WHERE component_id = :id" + db.engine().forUpdate())
                    .bind("id", state.componentId()).map((rs, ctx) -> ComponentStatus.fromWire(rs.getString("status"))).one();
            handle.createUpdate("UPDATE component_states SET status = :status, updated_at = :at, overridden = :overridden, "
                            + "monitoring_unavailable = :unavailable WHERE component_id = :id")
                    .bindMap(columns(state)).execute();
            return before;
        });
    }

    private static Map<String, Object> columns(ComponentState state) {
        return Map.of("id", state.componentId(), "status", state.status().wire(), "at", state.updatedAt().toEpochMilli(),
                "overridden", state.overridden(), "unavailable", state.monitoringUnavailable());
    }
}
