package io.noroshi.statuspage.feed;

import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentUpdate;
import io.noroshi.incident.Maintenance;
import io.noroshi.statuspage.PageTimes;
import io.noroshi.statuspage.RenderCache;
import io.noroshi.statuspage.SiteFacts;
import io.noroshi.statuspage.SitePaths;
import io.noroshi.statuspage.UiStrings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One incident or maintenance as a feed item, shared by Atom and RSS.
 *
 * @param id        a stable {@code urn:uuid:} derived from page id, kind and event id; it does not
 *                  change when the page moves to another URL, so readers never see duplicates
 * @param link      absolute URL of the event's page
 * @param html      the updates, newest first, as an HTML fragment with all user text escaped
 */
public record FeedEntry(String id, String title, String link, Instant published, Instant updated, String html) {

    /** The most recent events a feed carries; older ones remain on the history pages. */
    public static final int LIMIT = 50;

    /**
     * Incidents and maintenance, most recently updated first, at most {@link #LIMIT}.
     *
     * @param kept entries of the previous render, by language and event (an incident by identity); an
     *             unchanged event keeps its entry
     */
    public static List<FeedEntry> of(SiteFacts facts, UiStrings words, RenderCache<Object, FeedEntry> kept) {
        var paths = SitePaths.of(facts.page());
        var times = new PageTimes(facts.page().timeZone());
        String language = words.language();
        // Chosen before the text is built: the history holds far more events than a feed carries.
        var candidates = new ArrayList<Candidate>();
        for (Incident incident : facts.incidents()) {
            candidates.add(new Candidate(urn(facts, "incident", incident.id()), incident.updatedAt(), new RenderCache.Same(incident), id ->
                    new FeedEntry(id, incident.name().in(language), paths.absolute(paths.incident(language, incident.id())),
                            incident.createdAt(), incident.updatedAt(), postmortem(incident, words) + html(incident.updates(), words, times))));
        }
        for (Maintenance m : facts.data().maintenance()) {
            candidates.add(new Candidate(urn(facts, "maintenance", m.id()), m.updatedAt(), m, id -> {
                String window = "<p>" + Xml.escape(words.get("label.window")) + ": " + Xml.escape(times.display(m.scheduledFor(), words.dateTimeFormat()))
                        + " " + Xml.escape(words.get("label.until")) + " " + Xml.escape(times.display(m.scheduledUntil(), words.dateTimeFormat())) + "</p>";
                return new FeedEntry(id, m.name().in(language), paths.absolute(paths.maintenance(language, m.id())), m.createdAt(),
                        m.updatedAt(), window + html(m.updates(), words, times));
            }));
        }
        candidates.sort(Comparator.comparing(Candidate::updated).reversed().thenComparing(Candidate::id));
        return candidates.stream().limit(LIMIT)
                .map(c -> kept.get(List.of(language, c.event()), key -> c.entry().apply(c.id()))).toList();
    }

    private record Candidate(String id, Instant updated, Object event, Function<String, FeedEntry> entry) {
    }

    private static String urn(SiteFacts facts, String kind, String id) {
        String name = facts.page().id() + "/" + kind + "/" + id;
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String postmortem(Incident incident, UiStrings words) {
        String text = incident.postmortem().in(words.language());
        if (text.isEmpty()) return "";
        return "<p><strong>" + Xml.escape(words.get("heading.postmortem")) + "</strong><br>" + Xml.escape(text).replace("\n", "<br>") + "</p>";
    }

    private static String html(List<IncidentUpdate> updates, UiStrings words, PageTimes times) {
        var out = new StringBuilder();
        for (IncidentUpdate update : updates.reversed()) {
            out.append("<p><strong>").append(Xml.escape(words.updateStatus(update.status()))).append("</strong> - <small>")
                    .append(Xml.escape(times.display(update.createdAt(), words.dateTimeFormat()))).append("</small><br>")
                    .append(Xml.escape(update.body().in(words.language())).replace("\n", "<br>")).append("</p>");
        }
        return out.toString();
    }
}
