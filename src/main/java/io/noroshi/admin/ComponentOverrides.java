package io.noroshi.admin;

import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.component.ComponentState;
import io.noroshi.component.ComponentStatus;
import java.util.ArrayList;
import java.util.List;

/** Sets a component's status by hand (it then wins over monitors) or hands it back to them. */
public final class ComponentOverrides {

    private final ComponentStatuses components;
    private final AuditedWrite writes;
    private final io.noroshi.notify.Announcements announcements;

    public ComponentOverrides(ComponentStatuses components, AuditedWrite writes) {
        this(components, writes, io.noroshi.notify.Announcements.NONE);
    }

    /** @param announcements told of a status the change moves, in its transaction (webhook subscribers, component routes) */
    public ComponentOverrides(ComponentStatuses components, AuditedWrite writes, io.noroshi.notify.Announcements announcements) {
        this.components = components;
        this.writes = writes;
        this.announcements = announcements;
    }

    /** Every configured component with its current state (operational and not overridden when never written). */
    public List<ComponentState> list() {
        var states = components.all();
        var list = new ArrayList<ComponentState>();
        for (var component : components.config().components()) {
            list.add(states.getOrDefault(component.id(), new ComponentState(component.id(), ComponentStatus.OPERATIONAL, writes.now(), false)));
        }
        return list;
    }

    /** The components of noroshi.yaml, in page order. */
    public List<io.noroshi.config.Component> configured() {
        return components.config().components();
    }

    public ComponentState set(Actor actor, String componentId, ComponentStatus status) {
        return change(actor, componentId, "component.override", new ComponentState(componentId, status, writes.now(), true));
    }

    /** Clears the override: the component shows operational until a monitor says otherwise. */
    public ComponentState clear(Actor actor, String componentId) {
        return change(actor, componentId, "component.clear_override",
                new ComponentState(componentId, ComponentStatus.OPERATIONAL, writes.now(), false));
    }

    private ComponentState change(Actor actor, String componentId, String action, ComponentState next) {
        actor.require(Scope.INCIDENTS);
        if (components.config().component(componentId).isEmpty()) throw new UnknownTarget("component", componentId);
        var before = list().stream().filter(s -> s.componentId().equals(componentId)).findFirst().orElseThrow();
        return writes.apply(actor, () -> {
            ComponentState stored = components.put(next);
            announcements.component(componentId, before.status(), stored.status(), "override-" + stored.updatedAt().toEpochMilli());
            return stored;
        }, stored -> new AuditTrail.Entry(action, "component/" + componentId, AdminJson.component(before), AdminJson.component(stored)));
    }
}
