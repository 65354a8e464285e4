package io.noroshi.statuspage;

import io.noroshi.config.PageSettings;
import io.noroshi.statuspage.api.StatusApi;
import io.noroshi.statuspage.badge.StatusBadge;
import io.noroshi.statuspage.feed.AtomFeed;
import io.noroshi.statuspage.feed.RssFeed;
import io.noroshi.statuspage.html.HtmlPages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the whole public site from {@link PageData} into a {@link Snapshot}: HTML pages in every
 * language, the Statuspage v2 JSON API, Atom and RSS feeds and SVG badges. Pure: no I/O, no
 * clock, no database; equal data gives byte-equal resources (and so equal ETags).
 * Thread-safe once built; build it once (it loads UI strings) and render on every change.
 */
public final class SiteRenderer {

    private final Map<String, UiStrings> strings;
    private final HtmlPages html;
    private final StatusApi api = new StatusApi();
    private final AtomFeed atom = new AtomFeed();
    private final RssFeed rss = new RssFeed();
    private final StatusBadge badges = new StatusBadge();

    /** Loads the UI strings of every supported language from the classpath. */
    public SiteRenderer() {
        var loaded = new LinkedHashMap<String, UiStrings>();
        for (String language : PageSettings.SUPPORTED_LANGUAGES) loaded.put(language, UiStrings.load(language));
        this.strings = Map.copyOf(loaded);
        this.html = new HtmlPages(strings);
    }

    /** Every public file of the site, keyed by root-relative path (see {@link Snapshot}). */
    public Snapshot render(PageData data) {
        SiteFacts facts = SiteFacts.of(data);
        UiStrings feedWords = strings.get(facts.page().defaultLanguage());
        var resources = new LinkedHashMap<String, Resource>();
        html.render(facts).forEach((path, body) -> resources.put(path, Resource.of(ResourceEncoding.HTML, body)));
        api.render(facts).forEach((path, body) -> resources.put(path, Resource.of(ResourceEncoding.JSON, body)));
        resources.put(AtomFeed.PATH, Resource.of(ResourceEncoding.ATOM, atom.render(facts, feedWords)));
        resources.put(RssFeed.PATH, Resource.of(ResourceEncoding.RSS, rss.render(facts, feedWords)));
        badges.render(facts).forEach((path, body) -> resources.put(path, Resource.of(ResourceEncoding.SVG, body)));
        return new Snapshot(data.generatedAt(), facts.page().defaultLanguage(), resources);
    }
}
