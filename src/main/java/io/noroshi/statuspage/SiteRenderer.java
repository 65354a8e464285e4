package io.noroshi.statuspage;

import io.noroshi.config.PageSettings;
import io.noroshi.statuspage.api.StatusApi;
import io.noroshi.statuspage.badge.StatusBadge;
import io.noroshi.statuspage.feed.AtomFeed;
import io.noroshi.statuspage.feed.RssFeed;
import io.noroshi.statuspage.html.HtmlPages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        var files = new ArrayList<File>();
        html.render(facts).forEach((path, body) -> files.add(new File(path, ResourceEncoding.HTML, body)));
        api.render(facts).forEach((path, body) -> files.add(new File(path, ResourceEncoding.JSON, body)));
        files.add(new File(AtomFeed.PATH, ResourceEncoding.ATOM, atom.render(facts, feedWords)));
        files.add(new File(RssFeed.PATH, ResourceEncoding.RSS, rss.render(facts, feedWords)));
        badges.render(facts).forEach((path, body) -> files.add(new File(path, ResourceEncoding.SVG, body)));
        // Best-compression gzip is most of the render time; files are independent, so spread it over the cores.
        List<Resource> encoded = files.parallelStream().map(f -> Resource.of(f.contentType(), f.body())).toList();
        var resources = new LinkedHashMap<String, Resource>();
        for (int i = 0; i < files.size(); i++) resources.put(files.get(i).path(), encoded.get(i));
        return new Snapshot(data.generatedAt(), facts.page().defaultLanguage(), resources);
    }

    private record File(String path, String contentType, byte[] body) {
    }
}
