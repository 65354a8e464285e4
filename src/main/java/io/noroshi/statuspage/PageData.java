package io.noroshi.statuspage;

import io.noroshi.component.ComponentState;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Text;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentEntry;
import io.noroshi.incident.Maintenance;
import io.noroshi.uptime.DailyUptime;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the public site shows, read from the stores; rendering it touches nothing else but
 * {@link #older}, which loads the incidents of pages rendered on demand.
 *
 * <p>Only some incidents are read whole (see {@link KeptInMemory}): the unresolved, the most
 * recent and the most recently changed ones. Every other incident is only an {@link IncidentEntry}
 * in {@link #entries}, enough to place it on the history pages and to name its page's version;
 * its texts are loaded through {@link #older} when its page is asked for.
 *
 * @param config        page settings, components and groups
 * @param states        current component states by component id; a missing component is operational
 * @param unresolved    incidents not yet resolved, newest first
 * @param history       the incidents read whole besides the unresolved ones (resolved ones included), newest first
 * @param maintenance   maintenance not completed plus recently completed, soonest first
 * @param uptime        the last {@link #UPTIME_DAYS} days per component id, oldest first
 * @param generatedAt   the time this view was read, shown as "last updated"
 * @param entries       every incident, newest first by creation (ties: id descending)
 * @param older         loads incidents by id, for the pages of incidents not read whole
 */
public record PageData(NoroshiConfig config, Map<String, ComponentState> states, List<Incident> unresolved,
                       List<Incident> history, List<Maintenance> maintenance, Map<String, List<DailyUptime>> uptime,
                       Instant generatedAt, List<IncidentEntry> entries, IncidentLoader older, Map<String, List<Text>> incidentNotes) {

    public static final int UPTIME_DAYS = 90;

    /** Without notes under the open incidents ({@link IncidentNotes}). */
    public PageData(NoroshiConfig config, Map<String, ComponentState> states, List<Incident> unresolved,
                    List<Incident> history, List<Maintenance> maintenance, Map<String, List<DailyUptime>> uptime,
                    Instant generatedAt, List<IncidentEntry> entries, IncidentLoader older) {
        this(config, states, unresolved, history, maintenance, uptime, generatedAt, entries, older, Map.of());
    }

    public PageData {
        incidentNotes = Map.copyOf(incidentNotes);
        states = Map.copyOf(states);
        unresolved = List.copyOf(unresolved);
        history = List.copyOf(history);
        maintenance = List.copyOf(maintenance);
        uptime = Map.copyOf(uptime);
        entries = List.copyOf(entries);
    }

    /**
     * Data with every incident read whole ({@code unresolved} and {@code history} together are the
     * complete history): what tests build by hand, and what a whole-site render reads.
     */
    public PageData(NoroshiConfig config, Map<String, ComponentState> states, List<Incident> unresolved,
                    List<Incident> history, List<Maintenance> maintenance, Map<String, List<DailyUptime>> uptime,
                    Instant generatedAt) {
        this(config, states, unresolved, history, maintenance, uptime, generatedAt, entriesOf(unresolved, history),
                loaderOf(unresolved, history));
    }

    /** Loads incidents by id; unknown ids are left out. Called on the read path's blocking threads, concurrently. */
    @FunctionalInterface
    public interface IncidentLoader {
        List<Incident> load(Collection<String> ids);
    }

    private static Map<String, Incident> byId(List<Incident> unresolved, List<Incident> history) {
        var byId = new LinkedHashMap<String, Incident>();
        for (Incident incident : unresolved) byId.put(incident.id(), incident);
        for (Incident incident : history) byId.putIfAbsent(incident.id(), incident);
        return byId;
    }

    /** Revision 0 for all: hand-built data never changes an incident under the same id. */
    private static List<IncidentEntry> entriesOf(List<Incident> unresolved, List<Incident> history) {
        return byId(unresolved, history).values().stream()
                .sorted(Comparator.comparing(Incident::createdAt).thenComparing(Incident::id).reversed())
                .map(i -> new IncidentEntry(i.id(), i.createdAt(), i.updatedAt(), 0))
                .toList();
    }

    private static IncidentLoader loaderOf(List<Incident> unresolved, List<Incident> history) {
        Map<String, Incident> byId = Map.copyOf(byId(unresolved, history));
        return ids -> ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
}
