package io.noroshi.statuspage.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.noroshi.incident.Incident;
import io.noroshi.incident.Maintenance;
import io.noroshi.statuspage.KeptInMemory;
import io.noroshi.statuspage.RenderCache;
import io.noroshi.statuspage.RenderCache.Same;
import io.noroshi.statuspage.SiteFacts;
import io.noroshi.statuspage.SitePaths;
import io.noroshi.statuspage.UiStrings;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML pages of the site in every configured language: home, paged history, one page per
 * incident and per maintenance. Templates are precompiled by the jte Maven plugin, so rendering
 * compiles nothing and reflects on nothing.
 *
 * <p>A page is re-rendered only when its view changed: views are records holding everything a
 * template shows, so an equal view renders equal bytes and the previous render's bytes are kept
 * (incidents' events are compared by identity, see {@link RenderCache.Same}).
 * Under a stream of writes to one incident, that is its own pages, the home page and the history
 * page it is on. A page's footer says when what it shows last changed (the home page: when the
 * site was read), so an old incident's page keeps its bytes, and ETag, for as long as the incident
 * does not change. {@link #render} renders the pages {@link KeptInMemory} keeps; the others are
 * rendered on demand by {@link #incidentPage} and {@link #historyPage}, through the same code.
 * Build one per config (views do not carry all of it: component names, time zone); one render at a
 * time, on-demand pages concurrently with it.
 */
public final class HtmlPages {

    /** Incidents per history page. */
    public static final int HISTORY_PAGE_SIZE = 10;

    private final TemplateEngine templates;
    private final Map<String, UiStrings> strings;
    private final KeptInMemory keep;
    private final RenderCache<Page, byte[]> pages = new RenderCache<>();
    private final RenderCache<Shown, Views.Event> events = new RenderCache<>();
    private final RenderCache<Object, Views.ComponentRow> rows = new RenderCache<>();
    private final RenderCache<RowHtml.Key, RowHtml.Rendered> rowHtml = new RenderCache<>();

    /**
     * @param strings UI strings by language, one for each language a page may offer
     * @param keep    which history and incident pages {@link #render} renders; the others are
     *                {@link #historyPage} and {@link #incidentPage}, on demand
     */
    public HtmlPages(Map<String, UiStrings> strings, KeptInMemory keep) {
        this.templates = TemplateEngine.createPrecompiled(ContentType.Html);
        this.strings = Map.copyOf(strings);
        this.keep = keep;
    }

    /** The number of history pages of a history of {@code incidents}; 1 when it is empty. */
    public static int historyPages(int incidents) {
        return Math.max(1, (incidents + HISTORY_PAGE_SIZE - 1) / HISTORY_PAGE_SIZE);
    }

    /**
     * Body bytes by public path, e.g. {@code /}, {@code /ja/history/2}, {@code /incidents/ID}, of
     * the pages kept in memory (see {@link KeptInMemory}).
     */
    public Map<String, byte[]> render(SiteFacts facts) {
        pages.nextRender();
        events.nextRender();
        rows.nextRender();
        rowHtml.nextRender();
        var files = new LinkedHashMap<String, byte[]>();
        var paths = SitePaths.of(facts.page());
        Map<String, Incident> byId = facts.byId();
        for (String lang : facts.page().languages()) {
            UiStrings t = strings(lang);
            var views = new PageViews(facts, t, strings, rows);
            var home = views.home();
            var rowMarkup = new RowHtml(templates, t, rowHtml);
            files.put(paths.home(lang), pages.get(new Page("index.jte", home), page -> bytes("index.jte", Map.of("view", home, "rows", rowMarkup))));
            history(facts, views, paths, t, byId, files);
            var notFound = new Views.NotFound(views.chrome(t.get("notFound.title") + " - " + facts.page().name(),
                    paths::notFound, facts.lastChange()));
            files.put(paths.notFound(lang), pages.get(new Page("notfound.jte", notFound), page -> bytes("notfound.jte", notFound)));
            // An incident's page is a function of the language and the incident alone (this
            // instance's config fixes the rest), so it is looked up before its view is built:
            // views are built only for changed incidents. The view is still looked up, which keeps
            // it for the history pages: a new incident moves the newest ones to another page.
            for (Incident incident : facts.kept()) {
                var event = event(views, incident);
                files.put(paths.incident(lang, incident.id()), pages.get(new Page("event.jte", shown(views, incident)),
                        key -> incidentPage(views, paths, incident, event)));
            }
            for (Maintenance m : facts.data().maintenance()) {
                Object shownAt = m.status().isActive() || m.status() == io.noroshi.incident.MaintenanceStatus.SCHEDULED ? views.minute() : "";
                files.put(paths.maintenance(lang, m.id()), pages.get(new Page("event.jte", new Shown(lang, List.of(m, shownAt))), key -> {
                    var event = views.maintenance(m);
                    var chrome = views.chrome(event.title(), l -> paths.maintenance(l, m.id()), m.updatedAt());
                    return bytes("event.jte", new Views.EventPage(chrome, event, ""));
                }));
            }
        }
        return files;
    }

    /**
     * The page of one incident, rendered now without touching what is kept between renders: safe
     * to call from several threads, and while {@link #render} runs. Byte-equal to the page
     * {@link #render} would give for it.
     */
    public byte[] incidentPage(SiteFacts facts, String lang, Incident incident) {
        var views = new PageViews(facts, strings(lang), strings, new RenderCache<>());
        return incidentPage(views, SitePaths.of(facts.page()), incident, views.incident(incident));
    }

    /**
     * History page {@code number} (1 = newest) showing {@code shown}, rendered now; like
     * {@link #incidentPage(SiteFacts, String, Incident)}, thread-safe and byte-equal to {@link #render}'s.
     */
    public byte[] historyPage(SiteFacts facts, String lang, int number, List<Incident> shown) {
        var views = new PageViews(facts, strings(lang), strings, new RenderCache<>());
        var events = shown.stream().map(i -> views.incident(i).withoutAgo()).toList();
        return historyPage(facts, views, SitePaths.of(facts.page()), number, shown, events);
    }

    private UiStrings strings(String lang) {
        UiStrings t = strings.get(lang);
        if (t == null) throw new IllegalArgumentException("no UI strings for page language '" + lang + "'");
        return t;
    }

    private byte[] incidentPage(PageViews views, SitePaths paths, Incident incident, Views.Event event) {
        var chrome = views.chrome(event.title(), l -> paths.incident(l, incident.id()), incident.updatedAt());
        return bytes("event.jte", new Views.EventPage(chrome, event, incident.postmortem().in(views.language())));
    }

    private void history(SiteFacts facts, PageViews views, SitePaths paths, UiStrings t, Map<String, Incident> byId,
                         Map<String, byte[]> files) {
        var all = facts.entries();
        String lang = t.language();
        int pages = historyPages(all.size());
        for (int page = 1; page <= pages && keep.keepsHistoryPage(page); page++) {
            int number = page;
            var ids = all.subList((page - 1) * HISTORY_PAGE_SIZE, Math.min(all.size(), page * HISTORY_PAGE_SIZE));
            List<Incident> shown = ids.stream().map(e -> byId.get(e.id())).toList();
            if (shown.contains(null)) shown = loaded(facts, ids);
            List<Incident> listed = shown;
            // The page's number, their count and its incidents determine it; an empty history shows when the site last changed.
            Object key = List.of(lang, page, pages, shown.stream().map(Same::new).toList(), shown.isEmpty() ? facts.lastChange() : "");
            files.put(paths.history(lang, page), this.pages.get(new Page("history.jte", key), k ->
                    historyPage(facts, views, paths, number, listed, listed.stream().map(i -> event(views, i).withoutAgo()).toList())));
        }
    }

    /**
     * The incidents of {@code ids}, in that order, through the loader: for the rare render whose
     * entries were read just after an incident the whole read did not see yet.
     */
    private static List<Incident> loaded(SiteFacts facts, List<io.noroshi.incident.IncidentEntry> ids) {
        Map<String, Incident> byId = new java.util.HashMap<>();
        facts.data().older().load(ids.stream().map(io.noroshi.incident.IncidentEntry::id).toList())
                .forEach(i -> byId.put(i.id(), i));
        return ids.stream().map(e -> byId.get(e.id())).filter(java.util.Objects::nonNull).toList();
    }

    private byte[] historyPage(SiteFacts facts, PageViews views, SitePaths paths, int number, List<Incident> shown,
                               List<Views.Event> incidents) {
        String lang = views.language();
        UiStrings t = strings(lang);
        int pages = historyPages(facts.entries().size());
        Instant updated = shown.stream().map(Incident::updatedAt).max(Comparator.naturalOrder()).orElse(facts.lastChange());
        String title = t.get("heading.history") + (pages > 1 ? " (" + t.format("history.page", number, pages) + ")" : "");
        var chrome = views.chrome(title + " - " + facts.page().name(), l -> paths.history(l, number), updated);
        String newer = number > 1 ? paths.link(paths.history(lang, number - 1)) : null;
        String older = number < pages ? paths.link(paths.history(lang, number + 1)) : null;
        return bytes("history.jte", new Views.History(chrome, incidents, t.format("history.page", number, pages), newer, older));
    }

    private Views.Event event(PageViews views, Incident incident) {
        return events.get(shown(views, incident), k -> views.incident(incident));
    }

    /** Notes under an open incident change with time, not with the incident, so they are part of its cache keys. */
    private static List<io.noroshi.config.Text> notes(SiteFacts facts, Incident incident) {
        return facts.data().incidentNotes().getOrDefault(incident.id(), List.of());
    }

    /** An incident as shown in a language: an open one's relative times change with the minute, its notes with the time. */
    private static Shown shown(PageViews views, Incident incident) {
        var notes = notes(views.facts(), incident);
        return new Shown(views.language(), incident.isResolved() ? List.of(new Same(incident), notes)
                : List.of(new Same(incident), views.minute(), notes));
    }

    private byte[] bytes(String template, Object view) {
        var out = new Utf8ByteOutput();
        templates.render(template, view, out);
        return out.toByteArray();
    }

    private byte[] bytes(String template, Map<String, Object> params) {
        var out = new Utf8ByteOutput();
        templates.render(template, params, out);
        return out.toByteArray();
    }

    /** A template and what determines its input. */
    private record Page(String template, Object key) {
    }

    /** An incident or maintenance as shown in one language. */
    private record Shown(String language, Object event) {
    }
}
