package io.noroshi.statuspage;

import io.noroshi.component.ComponentState;
import io.noroshi.config.PageSettings;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentEntry;
import io.noroshi.incident.Maintenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every file of the site is rendered from, derived once per render from {@link PageData}.
 *
 * @param data        the input as read from the stores
 * @param layout      component order and statuses
 * @param overall     the page's one-line status
 * @param incidents   the incidents read whole (unresolved, recent, recently changed), each once,
 *                    newest first by creation (ties: id descending, as the store orders them)
 * @param kept        the incidents whose pages are kept in memory: unresolved ones and those
 *                    {@link KeptInMemory#incidentIds} names; newest first
 * @param lastChange  the latest change among states, incidents and maintenance (the API's
 *                    {@code page.updated_at}); {@code data.generatedAt()} when nothing is stored, so
 *                    equal data renders equal API bytes
 */
public record SiteFacts(PageData data, PageLayout layout, OverallStatus overall, List<Incident> incidents,
                        List<Incident> kept, Instant lastChange) {

    /** Newest first by creation; ties by id, descending, as {@code IncidentStore.history} orders them. */
    public static final Comparator<Incident> NEWEST_FIRST =
            Comparator.comparing(Incident::createdAt).thenComparing(Incident::id).reversed();

    public SiteFacts {
        incidents = List.copyOf(incidents);
        kept = List.copyOf(kept);
    }

    public static SiteFacts of(PageData data) {
        return of(data, KeptInMemory.RECENT);
    }

    public static SiteFacts of(PageData data, KeptInMemory keep) {
        var byId = new LinkedHashMap<String, Incident>();
        for (Incident incident : data.unresolved()) byId.put(incident.id(), incident);
        for (Incident incident : data.history()) byId.putIfAbsent(incident.id(), incident);
        var incidents = new ArrayList<>(byId.values());
        incidents.sort(NEWEST_FIRST);
        Set<String> keptIds = keep.incidentIds(data.entries());
        List<Incident> kept = incidents.stream().filter(i -> !i.isResolved() || keptIds.contains(i.id())).toList();
        Instant last = null;
        for (ComponentState state : data.states().values()) last = later(last, state.updatedAt());
        for (Incident incident : incidents) last = later(last, incident.updatedAt());
        for (Maintenance m : data.maintenance()) last = later(last, m.updatedAt());
        return new SiteFacts(data, PageLayout.of(data), OverallStatus.of(data), incidents, kept,
                last == null ? data.generatedAt() : last);
    }

    public PageSettings page() {
        return data.config().page();
    }

    /** Every incident, newest first: what the history pages list. */
    public List<IncidentEntry> entries() {
        return data.entries();
    }

    /** The incidents read whole, by id. */
    public Map<String, Incident> byId() {
        var byId = new LinkedHashMap<String, Incident>();
        for (Incident incident : incidents) byId.put(incident.id(), incident);
        return byId;
    }

    /** Incidents not resolved, newest first. */
    public List<Incident> unresolved() {
        return incidents.stream().filter(i -> !i.isResolved()).toList();
    }

    /** Maintenance in progress or being verified, soonest first. */
    public List<Maintenance> activeMaintenance() {
        return data.maintenance().stream().filter(m -> m.status().isActive()).toList();
    }

    /** Maintenance announced but not started, soonest first. */
    public List<Maintenance> upcomingMaintenance() {
        return data.maintenance().stream()
                .filter(m -> m.status() == io.noroshi.incident.MaintenanceStatus.SCHEDULED).toList();
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
