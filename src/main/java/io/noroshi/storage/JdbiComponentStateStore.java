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
    public void put(ComponentState state) {
        db.write(handle -> handle.createUpdate("INSERT INTO component_states (component_id, status, updated_at, overridden, monitoring_unavailable) "
                        + "VALUES (:id, :status, :at, :overridden, :unavailable) ON CONFLICT (component_id) DO UPDATE SET "
                        + "status = excluded.status, updated_at = excluded.updated_at, overridden = excluded.overridden, "
                        + "monitoring_unavailable = excluded.monitoring_unavailable")
                .bind("id", state.componentId())
                .bind("status", state.status().wire())
                .bind("at", state.updatedAt().toEpochMilli())
                .bind("overridden", state.overridden())
                .bind("unavailable", state.monitoringUnavailable())
                .execute());
    }
}
