package io.noroshi.notify;

import io.noroshi.component.ComponentStatus;
import io.noroshi.incident.Incident;
import io.noroshi.incident.Maintenance;

/**
 * What incident and maintenance changes tell the outbox. Called inside the change's transaction, so the
 * deliveries commit with the change and its audit entry, or not at all.
 */
public interface Announcements {

    Announcements NONE = new Announcements() {
        @Override
        public void incident(Incident incident, Notice.Event event) {
        }

        @Override
        public void maintenance(Maintenance maintenance, Notice.Event event) {
        }

        @Override
        public void component(String componentId, ComponentStatus from, ComponentStatus to, String changeId) {
        }
    };

    /** An incident was opened, updated or resolved (its latest update is the news). */
    void incident(Incident incident, Notice.Event event);

    /** A maintenance was scheduled, started or completed. */
    void maintenance(Maintenance maintenance, Notice.Event event);

    /**
     * A component's status changed outside an incident update (a monitor verdict, an operator's override): webhook
     * subscribers scoped to it get Statuspage's {@code component_update}, routes listening to {@code component} a message.
     *
     * @param changeId names this change in the payload ({@code component_update.id}); unique per change
     */
    void component(String componentId, ComponentStatus from, ComponentStatus to, String changeId);
}
