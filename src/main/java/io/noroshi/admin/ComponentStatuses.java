package io.noroshi.admin;

import io.noroshi.component.ComponentHandBack;
import io.noroshi.component.ComponentState;
import io.noroshi.component.ComponentStateStore;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.incident.AffectedComponent;
import io.noroshi.web.ApiErrors.BadRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Applies component statuses set by people. A status other than operational is stored as an
 * override (it wins over monitors); setting a component back to operational hands it back to them,
 * and it then shows what they say now ({@link ComponentHandBack}), not "operational" until their next change.
 */
public final class ComponentStatuses {

    private final NoroshiConfig config;
    private final ComponentStateStore states;
    private final ComponentHandBack handBack;

    public ComponentStatuses(NoroshiConfig config, ComponentStateStore states) {
        this(config, states, ComponentHandBack.OPERATIONAL);
    }

    public ComponentStatuses(NoroshiConfig config, ComponentStateStore states, ComponentHandBack handBack) {
        this.config = config;
        this.states = states;
        this.handBack = handBack;
    }

    /**
     * Checks that every change names a configured component once.
     *
     * @param path JSON path of the list, e.g. {@code affected_components}
     * @throws BadRequest naming the element, e.g. {@code affected_components[1].id}
     */
    public void validate(List<ComponentChange> changes, String path) {
        var seen = new HashSet<String>();
        for (int i = 0; i < changes.size(); i++) {
            String id = changes.get(i).componentId();
            if (config.component(id).isEmpty()) {
                throw new BadRequest(path + "[" + i + "].id", "no component with id '" + id + "' in noroshi.yaml");
            }
            if (!seen.add(id)) throw new BadRequest(path + "[" + i + "].id", "component '" + id + "' is listed twice");
        }
    }

    public void validateIds(List<String> ids, String path) {
        validate(ids.stream().map(id -> new ComponentChange(id, ComponentStatus.OPERATIONAL)).toList(), path);
    }

    /** Stores the changes; returns them with the status each component had before. */
    public List<AffectedComponent> apply(List<ComponentChange> changes) {
        Map<String, ComponentState> current = changes.isEmpty() ? Map.of() : states.all();
        var affected = new ArrayList<AffectedComponent>();
        for (ComponentChange change : changes) {
            ComponentStatus old = current.containsKey(change.componentId())
                    ? current.get(change.componentId()).status() : ComponentStatus.OPERATIONAL;
            affected.add(new AffectedComponent(change.componentId(), old, change.status()));
        }
        return affected;
    }

    /** Writes the new statuses (after the update that names them is stored). */
    public void store(List<AffectedComponent> affected, Instant at) {
        for (AffectedComponent a : affected) {
            put(new ComponentState(a.componentId(), a.newStatus(), at, a.newStatus() != ComponentStatus.OPERATIONAL));
        }
    }

    public Map<String, ComponentState> all() {
        return states.all();
    }

    /** Stores {@code state} and returns what was stored; a state that is not an override is a hand-back and takes the monitors' status. */
    public ComponentState put(ComponentState state) {
        ComponentState stored = state.overridden() ? state : handBack.handBack(state.componentId(), state.updatedAt());
        states.put(stored);
        if (stored.overridden()) handBack.setByPeople(stored);
        return stored;
    }

    public NoroshiConfig config() {
        return config;
    }
}
