package io.noroshi.notify;

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
    };

    /** An incident was opened, updated or resolved (its latest update is the news). */
    void incident(Incident incident, Notice.Event event);

    /** A maintenance was scheduled, started or completed. */
    void maintenance(Maintenance maintenance, Notice.Event event);
}
