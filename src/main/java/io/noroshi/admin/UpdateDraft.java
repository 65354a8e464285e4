package io.noroshi.admin;

import io.noroshi.config.Text;
import io.noroshi.incident.IncidentStatus;
import java.util.List;

/**
 * An update as submitted.
 *
 * @param changes components whose status this update sets
 * @param notifySubscribers whether subscribers should be told (recorded; delivery is the notifier's job)
 * @param extras the fields an {@link UpdateReview} reads (e.g. {@code next_update_by}), as given
 */
public record UpdateDraft(IncidentStatus status, Text body, List<ComponentChange> changes, boolean notifySubscribers,
                          java.util.Map<String, String> extras) {
    public UpdateDraft {
        changes = List.copyOf(changes);
        extras = java.util.Map.copyOf(extras);
    }

    public UpdateDraft(IncidentStatus status, Text body, List<ComponentChange> changes, boolean notifySubscribers) {
        this(status, body, changes, notifySubscribers, java.util.Map.of());
    }
}
