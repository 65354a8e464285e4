package io.noroshi.statuspage;

import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.PageSettings;
import io.noroshi.statuspage.api.StatusApi;
import io.noroshi.statuspage.badge.StatusBadge;
import io.noroshi.statuspage.feed.AtomFeed;
import io.noroshi.statuspage.feed.FeedEntry;
import io.noroshi.statuspage.feed.RssFeed;
import io.noroshi.statuspage.html.HtmlPages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the whole public site from {@link PageData} into a {@link Snapshot}: HTML pages in every
 * language, the Statuspage v2 JSON API, Atom and RSS feeds and SVG badges. No I/O, no clock, no
 * database; equal data gives byte-equal resources (and so equal ETags). The pages a stampede reads
 * are rendered into memory; old incidents' pages and deep history pages are rendered when asked
 * for, from the same data into the same bytes (see {@link KeptInMemory}, {@link OlderPages}).
 *
 * <p>Build it once (it loads UI strings) and render on every change: it keeps what the previous
 * render produced and redoes only what the new data reaches. Pages whose view is unchanged keep
 * their bytes, and a file whose bytes are unchanged keeps its gzip form and ETag instead of being
 * compressed and hashed again (most of a full render's CPU). The result is always byte-equal to a
 * fresh renderer's; {@code IncrementalRenderProperties} checks that after random writes.
 * Renders are serialised: one at a time per renderer.
 */
public final class SiteRenderer {

    private final Map<String, UiStrings> strings;
    private final KeptInMemory keep;
    private final StatusBadge badges = new StatusBadge();
    /** The renderers with what they keep between renders; new ones when the config changes. */
    private Parts parts;
    /** The last render's files by path, whose encodings are reused when a body comes out byte-equal. */
    private Map<String, Resource> previous = Map.of();

    /** A renderer for a hub: the pages a stampede reads in memory, older ones on demand (see {@link KeptInMemory#RECENT}). */
    public SiteRenderer() {
        this(KeptInMemory.RECENT);
    }

    /** Loads the UI strings of every supported language from the classpath. */
    public SiteRenderer(KeptInMemory keep) {
        this.keep = keep;
        var loaded = new LinkedHashMap<String, UiStrings>();
        for (String language : PageSettings.SUPPORTED_LANGUAGES) loaded.put(language, UiStrings.load(language));
        this.strings = Map.copyOf(loaded);
    }

    /**
     * What is kept between renders is valid for one config: keys hold the events and views, not
     * the component names, time zone or URLs the config gives them.
     */
    private record Parts(NoroshiConfig config, HtmlPages html, StatusApi api, RenderCache<Object, FeedEntry> entries,
                         AtomFeed atom, RssFeed rss) {
    }

    /** Every public file of the site, keyed by root-relative path (see {@link Snapshot}). */
    public synchronized Snapshot render(PageData data) {
        if (parts == null || parts.config() != data.config()) {
            parts = new Parts(data.config(), new HtmlPages(strings, keep), new StatusApi(), new RenderCache<>(), new AtomFeed(), new RssFeed());
        }
        SiteFacts facts = SiteFacts.of(data, keep);
        UiStrings feedWords = strings.get(facts.page().defaultLanguage());
        var files = new ArrayList<File>();
        parts.html().render(facts).forEach((path, body) -> files.add(new File(path, ResourceEncoding.HTML, body)));
        parts.api().render(facts).forEach((path, body) -> files.add(new File(path, ResourceEncoding.JSON, body)));
        parts.entries().nextRender();
        List<FeedEntry> entries = FeedEntry.of(facts, feedWords, parts.entries());
        files.add(new File(AtomFeed.PATH, ResourceEncoding.ATOM, parts.atom().render(facts, feedWords, entries)));
        files.add(new File(RssFeed.PATH, ResourceEncoding.RSS, parts.rss().render(facts, feedWords, entries)));
        badges.render(facts).forEach((path, body) -> files.add(new File(path, ResourceEncoding.SVG, body)));
        var resources = new LinkedHashMap<String, Resource>();
        var changed = new ArrayList<File>();
        for (File file : files) {
            Resource kept = unchanged(file);
            resources.put(file.path(), kept);
            if (kept == null) changed.add(file);
        }
        // gzip is most of the cost of a changed file; files are independent, so spread it over the cores.
        List<Resource> encoded = changed.size() > 1
                ? changed.parallelStream().map(f -> Resource.of(f.contentType(), f.body())).toList()
                : changed.stream().map(f -> Resource.of(f.contentType(), f.body())).toList();
        for (int i = 0; i < changed.size(); i++) resources.put(changed.get(i).path(), encoded.get(i));
        previous = resources;
        return new Snapshot(data.generatedAt(), facts.page().defaultLanguage(), resources, new OlderPages(facts, parts.html(), keep));
    }

    /** The previous render's resource at this path when the body is byte-equal, else null. */
    private Resource unchanged(File file) {
        Resource before = previous.get(file.path());
        if (before == null || !before.contentType().equals(file.contentType())) return null;
        return before.body() == file.body() || Arrays.equals(before.body(), file.body()) ? before : null;
    }

    private record File(String path, String contentType, byte[] body) {
    }
}
