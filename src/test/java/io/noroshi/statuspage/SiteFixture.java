package io.noroshi.statuspage;

import io.noroshi.component.ComponentState;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.ConfigLoader;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Text;
import io.noroshi.incident.AffectedComponent;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentUpdate;
import io.noroshi.incident.Maintenance;
import io.noroshi.incident.MaintenanceStatus;
import io.noroshi.uptime.DailyUptime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built page data around the demo config (Sakura Hosting, Asia/Tokyo, en + ja). */
final class SiteFixture {

    /** 2026-11-25 12:34:56.789 in Tokyo. */
    static final Instant NOW = Instant.parse("2026-11-25T03:34:56.789Z");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final NoroshiConfig CONFIG = demoConfig();

    private SiteFixture() {
    }

    /** The bundled demo config, as the hub loads it. */
    static NoroshiConfig demoConfig() {
        return new ConfigLoader().load(Path.of("src/main/resources/demo/noroshi.yaml"));
    }

    static PageData quiet() {
        return new PageData(CONFIG, Map.of(), List.of(), List.of(), List.of(), Map.of(), NOW);
    }

    static PageData withStates(Map<String, ComponentStatus> statuses) {
        var states = new HashMap<String, ComponentState>();
        statuses.forEach((id, s) -> states.put(id, new ComponentState(id, s, NOW.minusSeconds(600), false)));
        return new PageData(CONFIG, states, List.of(), List.of(), List.of(), Map.of(), NOW);
    }

    static PageData with(List<Incident> incidents) {
        var unresolved = incidents.stream().filter(i -> !i.isResolved()).toList();
        return new PageData(CONFIG, Map.of(), unresolved, incidents, List.of(), Map.of(), NOW);
    }

    /** A resolved incident {@code hoursAgo} old with three updates. */
    static Incident resolved(String id, Text name, int hoursAgo) {
        Instant start = NOW.minus(Duration.ofHours(hoursAgo));
        var updates = List.of(
                update(id + "-1", "investigating", Text.of("We are investigating mail delays.", "メール配送の遅延を調査しています。"), start,
                        List.of(new AffectedComponent("mail", ComponentStatus.OPERATIONAL, ComponentStatus.PARTIAL_OUTAGE))),
                update(id + "-2", "identified", Text.of("A full disk on the relay.", "中継サーバーのディスクが満杯でした。"), start.plusSeconds(900), List.of()),
                update(id + "-3", "resolved", Text.of("Mail is delivered normally again.", "メールは正常に配送されています。"), start.plusSeconds(3600),
                        List.of(new AffectedComponent("mail", ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL))));
        return new Incident(id, name, IncidentStatus.RESOLVED, Impact.MAJOR, start, start.plusSeconds(3600),
                Optional.of(start.plusSeconds(3600)), updates, List.of("mail"), Text.EMPTY);
    }

    /** An open incident with one update. */
    static Incident open(String id, Text name, Text body, Impact impact) {
        Instant start = NOW.minusSeconds(1800);
        return new Incident(id, name, IncidentStatus.INVESTIGATING, impact, start, start, Optional.empty(),
                List.of(update(id + "-1", "investigating", body, start,
                        List.of(new AffectedComponent("web-hosting", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE)))),
                List.of("web-hosting"), Text.EMPTY);
    }

    static IncidentUpdate update(String id, String status, Text body, Instant at, List<AffectedComponent> affected) {
        return new IncidentUpdate(id, status, body, at, affected);
    }

    static Maintenance maintenance(String id, MaintenanceStatus status, Instant from) {
        var announced = update(id + "-1", "scheduled", Text.of("We will replace the storage array.", "ストレージ装置を交換します。"),
                from.minus(Duration.ofDays(3)), List.of());
        var updates = new ArrayList<>(List.of(announced));
        if (status != MaintenanceStatus.SCHEDULED) {
            updates.add(update(id + "-2", status.wire(), Text.of("Work is " + status.wire(), "作業中です。"), from, List.of()));
        }
        return new Maintenance(id, Text.of("Storage replacement", "ストレージ交換"), status, Impact.MINOR, from,
                from.plus(Duration.ofHours(2)), from.minus(Duration.ofDays(3)), updates.getLast().createdAt(), updates,
                List.of("web-hosting", "mail"));
    }

    /** Demo-sized: 5 components, {@code incidents} incidents (the newest open), 3 maintenance, 90 days of uptime with gaps. */
    static PageData demo(int incidents) {
        var list = new ArrayList<Incident>();
        list.add(open("inc-open", Text.of("Web sites unreachable", "Webサイトに接続できない"),
                Text.of("Web sites in Tokyo do not respond.", "東京のWebサイトが応答しません。"), Impact.CRITICAL));
        for (int i = 1; i < incidents; i++) list.add(resolved("inc-" + i, Text.of("Mail delay " + i, "メール遅延 " + i), 24 * i));
        var states = Map.of("web-hosting", new ComponentState("web-hosting", ComponentStatus.MAJOR_OUTAGE, NOW.minusSeconds(1800), false));
        var maintenance = List.of(
                maintenance("mnt-active", MaintenanceStatus.IN_PROGRESS, NOW.minusSeconds(600)),
                maintenance("mnt-next", MaintenanceStatus.SCHEDULED, NOW.plus(Duration.ofDays(2))),
                maintenance("mnt-done", MaintenanceStatus.COMPLETED, NOW.minus(Duration.ofDays(10))));
        var uptime = new HashMap<String, List<DailyUptime>>();
        for (var component : CONFIG.components()) {
            var days = new ArrayList<DailyUptime>();
            for (int d = 0; d < PageData.UPTIME_DAYS; d++) {
                LocalDate day = TODAY.minusDays(d);
                if (d % 17 == 5) continue; // a day the hub was not watching
                long outage = d % 11 == 3 ? 1200 : 0;
                days.add(new DailyUptime(component.id(), day, 86_400 - outage, 0, outage, 0));
            }
            uptime.put(component.id(), days);
        }
        return new PageData(CONFIG, states, list.stream().filter(i -> !i.isResolved()).toList(), list, maintenance, uptime, NOW);
    }
}
