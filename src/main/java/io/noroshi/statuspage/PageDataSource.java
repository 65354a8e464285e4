package io.noroshi.statuspage;

import io.noroshi.component.ComponentStateStore;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentEntry;
import io.noroshi.incident.IncidentStore;
import io.noroshi.incident.Maintenance;
import io.noroshi.incident.MaintenanceStore;
import io.noroshi.uptime.DailyUptime;
import io.noroshi.uptime.UptimeStore;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/** Reads everything the public site shows from the stores, in one pass, into a {@link PageData}. */
public final class PageDataSource {

    /** Completed maintenance kept on the page and in the API. */
    public static final int COMPLETED_MAINTENANCE_LIMIT = 20;

    private final NoroshiConfig config;
    private final IncidentStore incidents;
    private final MaintenanceStore maintenance;
    private final ComponentStateStore states;
    private final UptimeStore uptime;
    private final InstantSource clock;
    private final KeptInMemory keep;
    private final HistoryEntries entries;
    private final UptimeWindow uptimeWindow;
    private final IncidentNotes notes;

    public PageDataSource(NoroshiConfig config, IncidentStore incidents, MaintenanceStore maintenance,
                          ComponentStateStore states, UptimeStore uptime, InstantSource clock) {
        this(config, incidents, maintenance, states, uptime, clock, KeptInMemory.RECENT);
    }

    /** @param keep which incidents to read whole; the renderer must keep the same ({@link SiteRenderer#SiteRenderer(KeptInMemory)}) */
    public PageDataSource(NoroshiConfig config, IncidentStore incidents, MaintenanceStore maintenance,
                          ComponentStateStore states, UptimeStore uptime, InstantSource clock, KeptInMemory keep) {
        this(config, incidents, maintenance, states, uptime, clock, keep, IncidentNotes.NONE);
    }

    /** @param notes lines another feature shows under open incidents (communication's promises) */
    public PageDataSource(NoroshiConfig config, IncidentStore incidents, MaintenanceStore maintenance,
                          ComponentStateStore states, UptimeStore uptime, InstantSource clock, KeptInMemory keep, IncidentNotes notes) {
        this.notes = notes;
        this.keep = keep;
        this.entries = new HistoryEntries(incidents, clock);
        this.uptimeWindow = new UptimeWindow(uptime);
        this.config = config;
        this.incidents = incidents;
        this.maintenance = maintenance;
        this.states = states;
        this.uptime = uptime;
        this.clock = clock;
    }

    /** One render at a time (the publisher's): the history's entries are kept between reads. */
    public synchronized PageData read() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, config.page().timeZone());
        LocalDate first = today.minusDays(PageData.UPTIME_DAYS - 1L);
        Map<String, List<DailyUptime>> byComponent = uptimeWindow.read(first, now);
        List<Maintenance> shown = new ArrayList<>(maintenance.open());
        maintenance.history(0, COMPLETED_MAINTENANCE_LIMIT + shown.size()).stream()
                .filter(m -> m.status().isClosed())
                .limit(COMPLETED_MAINTENANCE_LIMIT)
                .forEach(shown::add);
        // Every incident as a small entry, but only the ones whose pages are kept read whole: the
        // history's length costs an entry each, not its texts (old pages load theirs on demand).
        List<IncidentEntry> entries = this.entries.read();
        List<Incident> unresolved = incidents.unresolved();
        Set<String> wanted = new HashSet<>(keep.incidentIds(entries));
        unresolved.forEach(i -> wanted.remove(i.id()));
        List<Incident> recent = new ArrayList<>(incidents.findAll(wanted));
        recent.sort(SiteFacts.NEWEST_FIRST);
        return new PageData(config, states.all(), unresolved, recent, shown, byComponent, now, entries, incidents::findAll,
                notes.notes(unresolved, now));
    }
}
