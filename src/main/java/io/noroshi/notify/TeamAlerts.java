package io.noroshi.notify;

import io.noroshi.audit.AuditEvent;
import io.noroshi.config.Monitor;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.monitor.Verdict;
import io.noroshi.monitor.VerdictChange;
import io.noroshi.notify.NotificationSettings.Route;
import io.noroshi.notify.NotificationSettings.RouteEvent;
import io.noroshi.storage.Database;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team alerts: monitor verdict changes and new audit findings sent to the channels of the routes that listen to
 * them. One alert per change: what each route was last told about each monitor is kept ({@code notify_alert_state}),
 * so a repeat of the same verdict, from this hub or another on the same database, says nothing; while a monitor stays
 * down, a route with a {@code reminder} is told again at that interval.
 */
public final class TeamAlerts {

    private static final Logger log = LoggerFactory.getLogger(TeamAlerts.class);

    private final NoroshiConfig config;
    private final Database database;
    private final Outbox outbox;
    private final URI base;
    private final InstantSource clock;
    private final Runnable wake;

    public TeamAlerts(NoroshiConfig config, Database database, Outbox outbox, URI base, InstantSource clock, Runnable wake) {
        this.config = config;
        this.database = database;
        this.outbox = outbox;
        this.base = base;
        this.clock = clock;
        this.wake = wake;
    }

    /** A monitor's verdict changed (from the monitor engine's bus). */
    public void onVerdict(VerdictChange change) {
        Optional<String> component = config.monitors().stream().filter(m -> m.id().equals(change.monitorId())).findFirst()
                .flatMap(Monitor::component);
        boolean any = false;
        for (Route route : config.notifications().routes()) {
            if (!route.events().contains(RouteEvent.MONITOR)) continue;
            if (!route.components().isEmpty() && component.map(c -> !route.components().contains(c)).orElse(true)) continue;
            any |= tell(route, "monitor/" + change.monitorId(), change.to().name(), change.at(), false,
                    monitorWords(change.monitorId(), change.from(), change.to(), change.evidence()), "monitor/" + change.monitorId());
        }
        if (any) wake.run();
    }

    /** A new finding of the scheduled audit. */
    public void onAudit(AuditEvent event) {
        if (!(event instanceof AuditEvent.NewFinding found)) return;
        var f = found.finding();
        boolean any = false;
        for (Route route : config.notifications().routes()) {
            if (!route.events().contains(RouteEvent.FINDING)) continue;
            String subject = "finding/" + f.domain() + "/" + f.finding().rule().name() + "/" + Integer.toHexString(f.finding().message().hashCode());
            String title = "[" + f.finding().severity().name() + "] " + f.domain() + ": " + f.finding().message();
            String titleJa = "【監査】" + f.domain() + ": " + f.finding().message();
            any |= tell(route, subject, "NEW", clock.instant(), false, Map.of("en", new Announcement.Words(title, "", String.join("\n",
                    f.finding().evidence())), "ja", new Announcement.Words(titleJa, "", String.join("\n", f.finding().evidence()))), "finding/" + f.domain());
        }
        if (any) wake.run();
    }

    /** Reminds routes with a {@code reminder} of monitors still down; run every minute by the hub's timer. */
    public void remind() {
        try {
            remindNow();
        } catch (RuntimeException e) {
            // a database outage: the next round tries again (a scheduled task that throws is never run again)
            log.warn("notify reminders skipped error={}", e.toString());
        }
    }

    private void remindNow() {
        Instant now = clock.instant();
        for (Route route : config.notifications().routes()) {
            if (route.reminder().isEmpty()) continue;
            long before = now.minus(route.reminder().get()).toEpochMilli();
            List<String> due = database.read(h -> h.createQuery("SELECT subject FROM notify_alert_state WHERE route = :route AND verdict = 'DOWN'"
                    + " AND told_at <= :before").bind("route", route.name()).bind("before", before).mapTo(String.class).list());
            for (String subject : due) {
                String monitor = subject.substring("monitor/".length());
                tell(route, subject, "DOWN", now, true, monitorWords(monitor, Verdict.DOWN, Verdict.DOWN, List.of()), subject);
            }
            if (!due.isEmpty()) wake.run();
        }
    }

    /**
     * Records what the route is told and queues the alert, in one transaction; nothing when the route was told this
     * already (or, for a reminder, was told since the reminder fell due).
     */
    private boolean tell(Route route, String subject, String verdict, Instant at, boolean reminder, Map<String, Announcement.Words> words,
                         String target) {
        try {
            return database.write(h -> {
                int changed;
                if (reminder) {
                    changed = h.createUpdate("UPDATE notify_alert_state SET told_at = :at WHERE route = :route AND subject = :subject"
                                    + " AND verdict = 'DOWN' AND told_at <= :before")
                            .bind("at", at.toEpochMilli()).bind("route", route.name()).bind("subject", subject)
                            .bind("before", at.minus(route.reminder().orElseThrow()).toEpochMilli()).execute();
                } else {
                    changed = h.createUpdate("INSERT INTO notify_alert_state (route, subject, verdict, told_at) VALUES (:route, :subject, :verdict, :at)"
                                    + " ON CONFLICT (route, subject) DO UPDATE SET verdict = excluded.verdict, told_at = excluded.told_at"
                                    + " WHERE notify_alert_state.verdict <> excluded.verdict")
                            .bind("route", route.name()).bind("subject", subject).bind("verdict", verdict).bind("at", at.toEpochMilli()).execute();
                }
                if (changed == 0) return false;
                Notice.Event event = subject.startsWith("finding/") ? Notice.Event.ALERT_FINDING : Notice.Event.ALERT_MONITOR;
                var destinations = route.channels().stream().map(c -> new Outbox.Destination(c, route.lang())).toList();
                outbox.enqueue(new Announcement(event, target, config.page().name(), verdict.equals("DOWN") ? "major" : "none",
                        base.resolve("/admin/monitoring"), List.of(), words, Optional.empty(), at), new Outbox.Audience(Optional.empty(), false, destinations));
                return true;
            });
        } catch (RuntimeException e) {
            log.warn("notify team alert not queued route={} subject={} error={}", route.name(), subject, e.toString());
            return false;
        }
    }

    private static Map<String, Announcement.Words> monitorWords(String monitor, Verdict from, Verdict to, List<String> evidence) {
        String en = switch (to) {
            case DOWN -> from == Verdict.DOWN ? "Still down: " + monitor : "Down: " + monitor;
            case DEGRADED -> "Degraded: " + monitor;
            case UP -> (from == Verdict.DOWN || from == Verdict.DEGRADED ? "Up again: " : "Up: ") + monitor;
            case NO_DATA -> "No data: " + monitor;
        };
        String ja = switch (to) {
            case DOWN -> from == Verdict.DOWN ? "【継続中】停止: " + monitor : "【停止】" + monitor;
            case DEGRADED -> "【低下】" + monitor;
            case UP -> "【復旧】" + monitor;
            case NO_DATA -> "【データなし】" + monitor;
        };
        String body = String.join("\n", evidence);
        return Map.of("en", new Announcement.Words(en, "", body), "ja", new Announcement.Words(ja, "", body));
    }

    /**
     * A message for one person or role of the incident team (communication's reminders and escalations): to the
     * person's own channel when the roster names one ({@code communication.roster.contacts}), else to every route
     * listening to {@code reminder}. Each call is one message: communication decides when to remind.
     */
    public void message(String personOrRole, Notice notice) {
        var words = new Announcement.Words(notice.title(), notice.status().orElse(""), "To " + personOrRole + ": " + notice.body());
        var wordsJa = new Announcement.Words(notice.title(), notice.status().orElse(""), personOrRole + " さんへ: " + notice.body());
        Optional<String> own = config.communication().roster().contact(personOrRole);
        List<Outbox.Destination> destinations = own.isPresent()
                ? List.of(new Outbox.Destination(own.get(), config.page().languages().getFirst()))
                : destinations(RouteEvent.REMINDER);
        queue(RouteEvent.REMINDER, Notice.Event.ALERT_MONITOR, notice.impact(), notice.link(), Map.of("en", words, "ja", wordsJa), destinations);
    }

    /** A mirror has not taken the hub's site for too long ({@code behind}), or holds it again; once per streak (the mirror's worker says so). */
    public void mirror(String mirror, boolean behind, java.time.Duration lag, String lastError) {
        Map<String, Announcement.Words> words = behind
                ? Map.of("en", new Announcement.Words("Mirror " + mirror + " is falling behind", "",
                        "The mirror has not taken the status page for " + lag.toMinutes() + " min. Last error: " + lastError),
                "ja", new Announcement.Words("ミラー " + mirror + " が遅れています", "",
                        lag.toMinutes() + " 分間ステータスページを受け取っていません。最後のエラー: " + lastError))
                : Map.of("en", new Announcement.Words("Mirror " + mirror + " has caught up", "", "The mirror holds the current status page again."),
                "ja", new Announcement.Words("ミラー " + mirror + " が追いつきました", "", "ミラーは現在のステータスページを保持しています。"));
        queue(RouteEvent.MIRROR, Notice.Event.ALERT_MIRROR, behind ? "major" : "none", base.resolve("/admin/mirrors"), words);
    }

    private void queue(RouteEvent kind, Notice.Event event, String impact, URI link, Map<String, Announcement.Words> words) {
        queue(kind, event, impact, link, words, destinations(kind));
    }

    /** The channels of every route listening to {@code kind}, each in its route's language. */
    private List<Outbox.Destination> destinations(RouteEvent kind) {
        return config.notifications().routes().stream().filter(r -> r.events().contains(kind))
                .flatMap(r -> r.channels().stream().map(c -> new Outbox.Destination(c, r.lang()))).distinct().toList();
    }

    private void queue(RouteEvent kind, Notice.Event event, String impact, URI link, Map<String, Announcement.Words> words,
                       List<Outbox.Destination> destinations) {
        if (destinations.isEmpty()) return;
        try {
            database.write(h -> outbox.enqueue(new Announcement(event, kind.name().toLowerCase(java.util.Locale.ROOT), config.page().name(), impact,
                    link, List.of(), words, Optional.empty(), clock.instant()), new Outbox.Audience(Optional.empty(), false, destinations)));
            wake.run();
        } catch (RuntimeException e) {
            log.warn("notify team message not queued event={} error={}", kind.name().toLowerCase(java.util.Locale.ROOT), e.toString());
        }
    }
}
