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

    private static final long DAY = 86_400;

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
        Instant outageStart = now.minus(Duration.ofDays(12)).minus(Duration.ofHours(5));
        DemoStories.storageOutage(incidents, outageStart);
        DemoStories.smallIncidents(incidents, now);
        DemoStories.activeIncident(incidents, now);
        maintenance.schedule(
                Text.of("Database maintenance in Osaka DC2", "大阪第2データセンターのデータベースメンテナンス"),
                Impact.MINOR, now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(3)).plus(Duration.ofHours(2)),
                List.of("databases"),
                Text.of("We will apply security updates to the database servers in Osaka DC2. Connections may drop for up to 30 seconds during the window.",
                        "大阪第2データセンターのデータベースサーバーにセキュリティ更新を適用します。作業中、最大30秒程度接続が切断される場合があります。"),
                now.minus(Duration.ofDays(2)));
        states.put(new ComponentState("control-panel", ComponentStatus.DEGRADED_PERFORMANCE, now.minus(Duration.ofMinutes(40)), false));
        seedUptime(config, now, outageStart);
        return true;
    }

    private void seedUptime(NoroshiConfig config, Instant now, Instant outageStart) {
        LocalDate today = LocalDate.ofInstant(now, config.page().timeZone());
        LocalDate outageDay = LocalDate.ofInstant(outageStart, config.page().timeZone());
        var days = new java.util.ArrayList<DailyUptime>();
        for (var component : config.components()) {
            int seed = Math.abs(component.id().hashCode());
            for (int back = 89; back >= 0; back--) {
                LocalDate day = today.minusDays(back);
                long outage = 0;
                long degraded = 0;
                if (day.equals(outageDay) && List.of("web-hosting", "mail", "databases").contains(component.id())) {
                    outage = 9 * 3600;
                } else if ((seed + back * 7) % 37 == 0) {
                    degraded = 600 + (seed % 1200);
                } else if ((seed + back * 13) % 53 == 0) {
                    outage = 120 + (seed % 900);
                }
                long observed = back == 0 ? Math.min(DAY, secondsIntoDay(now, config, day)) : DAY;
                days.add(new DailyUptime(component.id(), day, Math.max(0, observed - outage - degraded), degraded, Math.min(outage, observed), 0));
            }
        }
        uptime.putAll(days);
    }

    private static long secondsIntoDay(Instant now, NoroshiConfig config, LocalDate day) {
        return Duration.between(day.atStartOfDay(config.page().timeZone()).toInstant(), now).toSeconds();
    }

    static NewUpdate update(IncidentStatus status, Instant at, String en, String ja, AffectedComponent... affected) {
        return new NewUpdate(status, Text.of(en, ja), at, List.of(affected));
    }
}
