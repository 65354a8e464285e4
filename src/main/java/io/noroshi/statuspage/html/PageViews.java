package io.noroshi.statuspage.html;

import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Component;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentUpdate;
import io.noroshi.incident.Maintenance;
import io.noroshi.statuspage.OverallStatus;
import io.noroshi.statuspage.PageLayout;
import io.noroshi.statuspage.PageTimes;
import io.noroshi.statuspage.RelativeTimes;
import io.noroshi.statuspage.RenderCache;
import io.noroshi.statuspage.SiteFacts;
import io.noroshi.statuspage.SitePaths;
import io.noroshi.statuspage.UiStrings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds the {@link Views} of one language from the site's facts. */
final class PageViews {

    private final SiteFacts facts;
    private final UiStrings t;
    private final Map<String, UiStrings> allStrings;
    private final String lang;
    private final SitePaths paths;
    private final PageTimes times;
    private final RenderCache<Object, Views.ComponentRow> rows;
    private final DateTimeFormatter dateTime;

    /**
     * @param rows component rows kept between renders by the caller, which builds one
     *             {@code PageViews} per render and language and one cache per config
     */
    PageViews(SiteFacts facts, UiStrings t, Map<String, UiStrings> allStrings, RenderCache<Object, Views.ComponentRow> rows) {
        this.facts = facts;
        this.rows = rows;
        this.t = t;
        this.allStrings = allStrings;
        this.lang = t.language();
        this.paths = SitePaths.of(facts.page());
        this.times = new PageTimes(facts.page().timeZone());
        this.dateTime = t.dateTimeFormat();
    }

    String language() {
        return lang;
    }

    /**
     * @param pathIn  this same page's root-relative path in a given language
     * @param updated when what this page shows last changed: its footer's "last updated"
     */
    SiteFacts facts() {
        return facts;
    }

    Views.Chrome chrome(String title, Function<String, String> pathIn, Instant updated) {
        var languages = new ArrayList<Views.LanguageLink>();
        for (String other : facts.page().languages()) {
            if (other.equals(lang)) continue;
            String path = paths.link(pathIn.apply(other));
            languages.add(new Views.LanguageLink(other, allStrings.get(other).get("language.name"), path, path + "?lang=" + other));
        }
        return new Views.Chrome(lang, title, facts.page().name(), t, paths.link(paths.home(lang)),
                paths.link(paths.history(lang, 1)), paths.link("/api/v2/summary.json"), paths.link("/history.atom"),
                paths.link("/history.rss"), languages, time(updated));
    }

    Views.Home home() {
        var incidents = facts.unresolved().stream().map(this::incident).toList();
        var maintenance = new ArrayList<Views.Event>();
        for (Maintenance m : facts.activeMaintenance()) maintenance.add(maintenance(m));
        for (Maintenance m : facts.upcomingMaintenance()) maintenance.add(maintenance(m));
        LocalDate today = LocalDate.ofInstant(facts.data().generatedAt(), facts.page().timeZone());
        var sections = new ArrayList<Views.Section>();
        for (PageLayout.Section section : facts.layout().sections()) {
            var rows = new ArrayList<Views.ComponentRow>();
            for (Component component : section.components()) rows.add(row(component, today));
            sections.add(new Views.Section(section.group().map(g -> g.name().in(lang)).orElse(null),
                    status(facts.layout().statusOf(section)), rows));
        }
        var subscribers = facts.data().config().notifications().subscribers();
        return new Views.Home(chrome(facts.page().name(), paths::home, facts.data().generatedAt()), facts.page().description().in(lang),
                overall(facts.overall()), incidents, maintenance, sections,
                subscribers.emailChannel().isPresent(), subscribers.publicWebhooks());
    }

    private Views.ComponentRow row(Component component, LocalDate today) {
        var days = facts.data().uptime().getOrDefault(component.id(), List.of());
        ComponentStatus current = facts.layout().statusOf(component.id());
        var state = facts.data().states().get(component.id());
        // All its monitors without data (and no person's status set): say so, never "operational".
        boolean unavailable = state != null && state.monitoringUnavailable() && !state.overridden();
        // 90 day cells with their labels per component and language: kept while the days, today and the status are.
        // The days by identity: the page's data source hands out the same list while a component's days are equal.
        return rows.get(List.of(lang, component.id(), new RenderCache.Same(days), today, current, unavailable), key -> {
            String uptime = UptimeBars.overall(days, today, t);
            var cells = UptimeBars.days(days, today, t);
            if (unavailable && cells.getLast().css().equals("d-up")) {
                cells = new ArrayList<>(cells);
                var last = cells.removeLast();
                cells.add(new Views.Day(last.x(), "d-none", t.get("uptime.today") + ": " + t.get("component.monitoring_unavailable")));
            } else if (!unavailable && current != ComponentStatus.OPERATIONAL) {
                // Today's bar tells what is true now, whatever today's stored seconds have caught up with.
                cells = new ArrayList<>(cells);
                var last = cells.removeLast();
                String css = UptimeBars.severity(UptimeBars.css(current)) > UptimeBars.severity(last.css()) ? UptimeBars.css(current) : last.css();
                cells.add(new Views.Day(last.x(), css, last.label() + " · " + t.format("uptime.now", t.component(current))));
            }
            return new Views.ComponentRow(component.id(), component.name().in(lang), component.description().in(lang),
                    unavailable ? new Views.Status(t.get("component.monitoring_unavailable"), "s-no-data", "?") : status(current),
                    uptime, component.name().in(lang) + ": " + t.get("uptime.label") + ", " + uptime, List.copyOf(cells));
        });
    }

    /**
     * An open incident's times carry how long ago they were (they change with the minute, see
     * {@link #minute}); a resolved one's carry when it was resolved and how long it lasted instead.
     */
    Views.Event incident(Incident incident) {
        Views.Status status = new Views.Status(t.updateStatus(incident.status().wire()),
                incident.isResolved() ? "s-ok" : "s-impact-" + incident.impact().wire(), incident.isResolved() ? "✓" : "!");
        boolean open = !incident.isResolved();
        Instant resolvedAt = incident.resolvedAt().orElse(null);
        return new Views.Event(incident.name().in(lang), paths.link(paths.incident(lang, incident.id())), status,
                t.get("impact." + incident.impact().wire()), time(incident.createdAt(), open), null, null,
                componentNames(incident.componentIds()), updates(incident.updates(), open),
                resolvedAt == null ? null : time(resolvedAt),
                resolvedAt == null ? "" : RelativeTimes.duration(java.time.Duration.between(incident.createdAt(), resolvedAt), t),
                facts.data().incidentNotes().getOrDefault(incident.id(), List.of()).stream().map(n -> n.in(lang)).toList());
    }

    /**
     * The minute the relative times of open incidents and coming maintenance are written for: part of
     * the cache key of what shows them, so they are re-rendered once a minute and no more.
     */
    Instant minute() {
        return facts.data().generatedAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    Views.Event maintenance(Maintenance m) {
        var status = new Views.Status(t.get("maintenance." + m.status().wire()),
                m.status().isActive() ? "s-maint" : "s-scheduled", "◐");
        boolean coming = m.status() != io.noroshi.incident.MaintenanceStatus.COMPLETED && m.status() != io.noroshi.incident.MaintenanceStatus.CANCELLED;
        return new Views.Event(m.name().in(lang), paths.link(paths.maintenance(lang, m.id())), status,
                t.get("impact." + m.impact().wire()), time(m.createdAt()), time(m.scheduledFor(), coming), time(m.scheduledUntil(), coming),
                componentNames(m.componentIds()), updates(m.updates(), false), null, "");
    }

    private List<Views.Update> updates(List<IncidentUpdate> updates, boolean relative) {
        return updates.reversed().stream()
                .map(u -> new Views.Update(t.updateStatus(u.status()), time(u.createdAt(), relative), u.body().in(lang))).toList();
    }

    private List<String> componentNames(List<String> ids) {
        return ids.stream().map(id -> facts.data().config().component(id).map(c -> c.name().in(lang)).orElse(id)).toList();
    }

    Views.Status status(ComponentStatus status) {
        String icon = switch (status) {
            case OPERATIONAL -> "✓";
            case DEGRADED_PERFORMANCE -> "▲";
            case PARTIAL_OUTAGE -> "◆";
            case MAJOR_OUTAGE -> "✕";
            case UNDER_MAINTENANCE -> "◐";
        };
        return new Views.Status(t.component(status), "s-" + status.wire().replace('_', '-'), icon);
    }

    Views.Status overall(OverallStatus status) {
        return switch (status) {
            case NONE -> new Views.Status(t.overall(status), "s-operational", "✓");
            case MINOR -> new Views.Status(t.overall(status), "s-degraded-performance", "▲");
            case MAJOR -> new Views.Status(t.overall(status), "s-partial-outage", "◆");
            case CRITICAL -> new Views.Status(t.overall(status), "s-major-outage", "✕");
            case MAINTENANCE -> new Views.Status(t.overall(status), "s-under-maintenance", "◐");
        };
    }

    Views.Time time(Instant at) {
        return new Views.Time(times.attribute(at), times.display(at, dateTime));
    }

    /** With {@code relative}, also how long ago {@code at} was (or how far ahead) at {@link #minute}. */
    Views.Time time(Instant at, boolean relative) {
        return relative ? new Views.Time(times.attribute(at), times.display(at, dateTime), RelativeTimes.relative(at, minute(), t)) : time(at);
    }
}
