package io.noroshi.notify;

import io.noroshi.component.ComponentState;
import io.noroshi.component.ComponentStateStore;
import io.noroshi.component.ComponentStatus;
import io.noroshi.storage.AllOrNothing;
import java.util.Map;

/**
 * The component statuses that monitors write, telling the outbox of every change in the same transaction: a verdict
 * that takes a component down reaches its webhook subscribers (and the routes listening to {@code component}) as an
 * incident update's status change does. Changes made by people go through the admin commands, which announce their own.
 */
public final class AnnouncedComponentStates implements ComponentStateStore {

    private final ComponentStateStore states;
    private final AllOrNothing transaction;
    private final Announcements announcements;

    public AnnouncedComponentStates(ComponentStateStore states, AllOrNothing transaction, Announcements announcements) {
        this.states = states;
        this.transaction = transaction;
        this.announcements = announcements;
    }

    @Override
    public Map<String, ComponentState> all() {
        return states.all();
    }

    @Override
    public ComponentStatus put(ComponentState state) {
        return transaction.together(() -> {
            ComponentStatus from = states.put(state);
            announcements.component(state.componentId(), from, state.status(), "verdict-" + state.updatedAt().toEpochMilli());
            return from;
        });
    }
}
