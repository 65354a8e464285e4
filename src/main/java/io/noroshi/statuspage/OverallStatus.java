package io.noroshi.statuspage;

import io.noroshi.component.ComponentStatus;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.Maintenance;
import java.util.Locale;

/**
 * The one-line state of the whole page, as the Statuspage API's {@code status} object names it.
 * The worst of the components' statuses and the impacts of unresolved incidents decides it;
 * maintenance shows only when nothing is broken.
 */
public enum OverallStatus {
    NONE("All Systems Operational"),
    MINOR("Minor Service Outage"),
    MAJOR("Partial System Outage"),
    CRITICAL("Major Service Outage"),
    MAINTENANCE("Service Under Maintenance");

    private final String description;

    OverallStatus(String description) {
        this.description = description;
    }

    /** The API's {@code indicator}: none, minor, major, critical, or maintenance (as Atlassian sends it). */
    public String indicator() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The API's English {@code description}, exactly as Atlassian Statuspage words it. */
    public String description() {
        return description;
    }

    /** The status of the page described by {@code data}. */
    public static OverallStatus of(PageData data) {
        var layout = PageLayout.of(data);
        OverallStatus worst = NONE;
        boolean maintenance = false;
        for (var component : data.config().components()) {
            ComponentStatus status = layout.statusOf(component.id());
            if (status == ComponentStatus.UNDER_MAINTENANCE) maintenance = true;
            worst = worse(worst, of(status));
        }
        for (Incident incident : data.unresolved()) {
            if (!incident.isResolved()) worst = worse(worst, of(incident.impact()));
        }
        for (Maintenance m : data.maintenance()) {
            if (m.status().isActive()) maintenance = true;
        }
        return worst == NONE && maintenance ? MAINTENANCE : worst;
    }

    static OverallStatus of(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL, UNDER_MAINTENANCE -> NONE;
            case DEGRADED_PERFORMANCE -> MINOR;
            case PARTIAL_OUTAGE -> MAJOR;
            case MAJOR_OUTAGE -> CRITICAL;
        };
    }

    static OverallStatus of(Impact impact) {
        return switch (impact) {
            case NONE -> NONE;
            case MINOR -> MINOR;
            case MAJOR -> MAJOR;
            case CRITICAL -> CRITICAL;
        };
    }

    private static OverallStatus worse(OverallStatus a, OverallStatus b) {
        return b.ordinal() > a.ordinal() && b != MAINTENANCE ? b : a;
    }
}
