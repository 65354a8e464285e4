package io.noroshi.admin;

import io.noroshi.config.Text;
import io.noroshi.incident.IncidentStatus;
import java.util.List;

/**
 * An update as submitted.
 *
 * @param changes components whose status this update sets
 * @param notifySubscribers whether subscribers should be told (recorded; delivery is the notifier's job)
 */
public record UpdateDraft(IncidentStatus status, Text body, List<ComponentChange> changes, boolean notifySubscribers) {
    public UpdateDraft {
        changes = List.copyOf(changes);
    }
}
