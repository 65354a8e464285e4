package io.noroshi.statuspage;

import io.noroshi.component.ComponentState;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.incident.Incident;
import io.noroshi.incident.Maintenance;
import io.noroshi.uptime.DailyUptime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the public site shows, read once from the stores; rendering it touches nothing else.
 *
 * @param config        page settings, components and groups
 * @param states        current component states by component id; a missing component is operational
 * @param unresolved    incidents not yet resolved, newest first
 * @param history       recent incidents (resolved ones included), newest first
 * @param maintenance   maintenance not completed plus recently completed, soonest first
 * @param uptime        the last {@link #UPTIME_DAYS} days per component id, oldest first
 * @param generatedAt   the time this view was read, shown as "last updated"
 */
public record PageData(NoroshiConfig config, Map<String, ComponentState> states, List<Incident> unresolved,
                       List<Incident> history, List<Maintenance> maintenance, Map<String, List<DailyUptime>> uptime,
                       Instant generatedAt) {

    public static final int UPTIME_DAYS = 90;

    public PageData {
        states = Map.copyOf(states);
        unresolved = List.copyOf(unresolved);
        history = List.copyOf(history);
        maintenance = List.copyOf(maintenance);
        uptime = Map.copyOf(uptime);
    }
}
