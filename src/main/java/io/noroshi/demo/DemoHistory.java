package io.noroshi.demo;

import io.noroshi.component.ComponentState;
import io.noroshi.component.ComponentStateStore;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Text;
import io.noroshi.incident.AffectedComponent;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore;
import io.noroshi.incident.IncidentStore.NewUpdate;
import io.noroshi.incident.MaintenanceStore;
import io.noroshi.uptime.DailyUptime;
import io.noroshi.uptime.UptimeStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo hosting company's recent past: a resolved multi-hour storage outage told in both
 * languages, a few small past incidents, one incident in progress, one upcoming maintenance and
 * 90 days of uptime. Written through the same stores the admin API uses, relative to "now".
 */
public final class DemoHistory {


    private final IncidentStore incidents;
    private final MaintenanceStore maintenance;
    private final ComponentStateStore states;
    private final UptimeStore uptime;

    public DemoHistory(IncidentStore incidents, MaintenanceStore maintenance, ComponentStateStore states, UptimeStore uptime) {
        this.incidents = incidents;
        this.maintenance = maintenance;
        this.states = states;
        this.uptime = uptime;
    }

    /** Writes the demo data unless the database already holds incidents; returns whether it wrote. */
    public boolean seedIfEmpty(NoroshiConfig config, Instant now) {
        if (incidents.count() > 0) return false;
        // 09:12 in the page's time zone twelve days ago: the updates name their next update's time of day.
        Instant outageStart = LocalDate.ofInstant(now, config.page().timeZone()).minusDays(12)
                .atTime(9, 12).atZone(config.page().timeZone()).toInstant();
        var spells = new java.util.ArrayList<DemoStories.Spell>(DemoStories.storageOutage(incidents, outageStart));
        spells.addAll(DemoStories.smallIncidents(incidents, now));
        spells.add(DemoStories.activeIncident(incidents, now));
        maintenance.schedule(
                Text.of("Database maintenance in Osaka DC2", "大阪第2データセンターのデータベースメンテナンス"),
                Impact.MINOR, now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(3)).plus(Duration.ofHours(2)),
                List.of("databases"),
                Text.of("We will apply security updates to the database servers in Osaka DC2. Connections may drop for up to 30 seconds during the window.",
                        "大阪第2データセンターのデータベースサーバーにセキュリティ更新を適用します。作業中、最大30秒程度接続が切断される場合があります。"),
                now.minus(Duration.ofDays(2)));
        states.put(new ComponentState("control-panel", ComponentStatus.DEGRADED_PERFORMANCE, now.minus(Duration.ofMinutes(40)), false));
        seedUptime(config, now, spells);
        return true;
    }

    /**
     * 90 days per component, watched the whole time: operational except for the spells the stories
     * tell of, split at midnight in the page's time zone. Today is counted up to now.
     */
    private void seedUptime(NoroshiConfig config, Instant now, List<DemoStories.Spell> spells) {
        var zone = config.page().timeZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        var days = new java.util.ArrayList<DailyUptime>();
        for (var component : config.components()) {
            for (int back = 89; back >= 0; back--) {
                LocalDate day = today.minusDays(back);
                Instant from = day.atStartOfDay(zone).toInstant();
                Instant until = back == 0 ? now : day.plusDays(1).atStartOfDay(zone).toInstant();
                long observed = Duration.between(from, until).toSeconds();
                long degraded = 0;
                long outage = 0;
                long maintenance = 0;
                for (var spell : spells) {
                    if (!spell.componentId().equals(component.id())) continue;
                    long seconds = overlap(spell.from(), spell.until(), from, until);
                    switch (spell.status()) {
                        case DEGRADED_PERFORMANCE -> degraded += seconds;
                        case PARTIAL_OUTAGE, MAJOR_OUTAGE -> outage += seconds;
                        case UNDER_MAINTENANCE -> maintenance += seconds;
                        case OPERATIONAL -> { }
                    }
                }
                days.add(new DailyUptime(component.id(), day, Math.max(0, observed - degraded - outage - maintenance), degraded, outage, maintenance));
            }
        }
        uptime.putAll(days);
    }

    private static long overlap(Instant a, Instant b, Instant from, Instant until) {
        Instant start = a.isAfter(from) ? a : from;
        Instant end = b.isBefore(until) ? b : until;
        return end.isAfter(start) ? Duration.between(start, end).toSeconds() : 0;
    }

    static NewUpdate update(IncidentStatus status, Instant at, String en, String ja, AffectedComponent... affected) {
        return new NewUpdate(status, Text.of(en, ja), at, List.of(affected));
    }
}
