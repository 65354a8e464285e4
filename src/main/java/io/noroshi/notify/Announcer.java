package io.noroshi.notify;

import io.noroshi.config.NoroshiConfig;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentUpdate;
import io.noroshi.incident.Maintenance;
import io.noroshi.notify.NotificationSettings.Route;
import io.noroshi.notify.NotificationSettings.RouteEvent;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Words incidents and maintenance for every language and audience and writes them to the outbox. */
public final class Announcer implements Announcements {

    private final NoroshiConfig config;
    private final Outbox outbox;
    private final URI base;
    private final InstantSource clock;
    private final Runnable wake;

    public Announcer(NoroshiConfig config, Outbox outbox, URI base, InstantSource clock, Runnable wake) {
        this.config = config;
        this.outbox = outbox;
        this.base = base;
        this.clock = clock;
        this.wake = wake;
    }

    @Override
    public void incident(Incident incident, Notice.Event event) {
        IncidentUpdate latest = incident.updates().getLast();
        var words = new LinkedHashMap<String, Announcement.Words>();
        for (String lang : config.page().languages()) {
            String label = event == Notice.Event.INCIDENT_RESOLVED ? Wording.resolved(lang) : Wording.impact(incident.impact().wire(), lang);
            words.put(lang, new Announcement.Words(Wording.title(label, incident.name().in(lang), lang), Wording.status(latest.status(), lang),
                    latest.body().in(lang)));
        }
        URI link = base.resolve("/incidents/" + incident.id());
        String payload = StatuspagePayload.incident(config, incident, link, base);
        var a = new Announcement(event, "incident/" + incident.id(), config.page().name(), incident.impact().wire(), link,
                incident.componentIds(), words, Optional.of(payload), clock.instant());
        send(a, RouteEvent.INCIDENT);
        for (var change : latest.affected()) {
            if (change.oldStatus() != change.newStatus()) componentUpdate(change.componentId(), change.oldStatus().wire(), change.newStatus().wire(), latest.id());
        }
    }

    @Override
    public void component(String componentId, io.noroshi.component.ComponentStatus from, io.noroshi.component.ComponentStatus to, String changeId) {
        if (from == to) return;
        componentUpdate(componentId, from.wire(), to.wire(), changeId);
        wake.run();
    }

    /** A component's status changed: webhook subscribers (Statuspage's component_update) and routes with {@code component}. */
    private void componentUpdate(String componentId, String from, String to, String updateId) {
        var words = new LinkedHashMap<String, Announcement.Words>();
        for (String lang : config.page().languages()) {
            String localName = config.component(componentId).map(c -> c.name().in(lang)).orElse(componentId);
            words.put(lang, new Announcement.Words(Wording.title(Wording.status(to, lang), localName, lang), "", ""));
        }
        var a = new Announcement(Notice.Event.COMPONENT_UPDATED, "component/" + componentId, config.page().name(), "none", base.resolve("/"),
                List.of(componentId), words, Optional.of(StatuspagePayload.component(config, base, componentId, from, to, clock.instant(),
                updateId + "-" + componentId)), clock.instant());
        outbox.enqueue(a, new Outbox.Audience(Optional.empty(), true, destinations(config.notifications().routes(), RouteEvent.COMPONENT,
                a.components())));
    }

    @Override
    public void maintenance(Maintenance m, Notice.Event event) {
        var words = new LinkedHashMap<String, Announcement.Words>();
        IncidentUpdate latest = m.updates().isEmpty() ? null : m.updates().getLast();
        for (String lang : config.page().languages()) {
            String body = latest == null ? "" : latest.body().in(lang);
            words.put(lang, new Announcement.Words(Wording.title(Wording.maintenance(lang), m.name().in(lang), lang),
                    Wording.status(m.status().wire(), lang), body + Wording.window(m.scheduledFor(), m.scheduledUntil(), config.page().timeZone(), lang)));
        }
        URI link = base.resolve("/incidents/" + m.id());
        var a = new Announcement(event, "maintenance/" + m.id(), config.page().name(), "maintenance", link, m.componentIds(), words,
                Optional.of(StatuspagePayload.maintenance(config, m, link, base)), clock.instant());
        send(a, RouteEvent.MAINTENANCE);
    }

    private void send(Announcement a, RouteEvent kind) {
        NotificationSettings n = config.notifications();
        outbox.enqueue(a, new Outbox.Audience(n.subscribers().emailChannel(), true, destinations(n.routes(), kind, a.components())));
        wake.run();
    }

    /** The channels of the routes that listen to {@code kind} and to one of the components (or to all). */
    static List<Outbox.Destination> destinations(List<Route> routes, RouteEvent kind, List<String> components) {
        Map<String, Outbox.Destination> out = new LinkedHashMap<>();
        for (Route r : routes) {
            if (!r.events().contains(kind)) continue;
            if (!r.components().isEmpty() && !components.isEmpty() && r.components().stream().noneMatch(components::contains)) continue;
            for (String channel : r.channels()) out.putIfAbsent(channel, new Outbox.Destination(channel, r.lang()));
        }
        return new ArrayList<>(out.values());
    }
}
