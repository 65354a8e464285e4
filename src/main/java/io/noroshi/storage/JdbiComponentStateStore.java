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
            handle.createQuery("SELECT component_id, status, updated_at, overridden FROM component_states ORDER BY component_id")
                    .map((rs, ctx) -> new ComponentState(rs.getString("component_id"),
                            ComponentStatus.fromWire(rs.getString("status")),
                            Instant.ofEpochMilli(rs.getLong("updated_at")), rs.getBoolean("overridden")))
                    .forEach(state -> states.put(state.componentId(), state));
            return Map.copyOf(states);
        });
    }

    @Override
    public void put(ComponentState state) {
        db.write(handle -> handle.createUpdate("INSERT INTO component_states (component_id, status, updated_at, overridden) "
                        + "VALUES (:id, :status, :at, :overridden) ON CONFLICT (component_id) DO UPDATE SET "
                        + "status = excluded.status, updated_at = excluded.updated_at, overridden = excluded.overridden")
                .bind("id", state.componentId())
                .bind("status", state.status().wire())
                .bind("at", state.updatedAt().toEpochMilli())
                .bind("overridden", state.overridden())
                .execute());
    }
}
