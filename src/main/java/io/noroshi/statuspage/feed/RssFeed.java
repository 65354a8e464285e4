package io.noroshi.statuspage.feed;

import io.noroshi.statuspage.PageTimes;
import io.noroshi.statuspage.RenderCache;
import io.noroshi.statuspage.SiteFacts;
import io.noroshi.statuspage.SitePaths;
import io.noroshi.statuspage.UiStrings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** {@code /history.rss}: RSS 2.0 of recent incidents and maintenance, for readers without Atom. */
public final class RssFeed {

    public static final String PATH = "/history.rss";

    /** Each entry's XML, kept while the entry is unchanged (its text is most of the feed). */
    private final RenderCache<FeedEntry, String> items = new RenderCache<>();

    /**
     * The feed in the page's default language, UTF-8.
     *
     * @param entries {@link FeedEntry#of} in {@code words}' language
     */
    public byte[] render(SiteFacts facts, UiStrings words, List<FeedEntry> entries) {
        items.nextRender();
        var paths = SitePaths.of(facts.page());
        var times = new PageTimes(facts.page().timeZone());
        Instant built = entries.isEmpty() ? facts.lastChange() : entries.getFirst().updated();
        var xml = new StringBuilder(8192);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.append("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
        xml.append("  <title>").append(Xml.escape(words.format("feed.title", facts.page().name()))).append("</title>\n");
        xml.append("  <link>").append(Xml.escape(paths.absolute(paths.history(words.language(), 1)))).append("</link>\n");
        xml.append("  <description>").append(Xml.escape(words.format("feed.description", facts.page().name()))).append("</description>\n");
        xml.append("  <language>").append(Xml.escape(words.language())).append("</language>\n");
        xml.append("  <lastBuildDate>").append(times.rfc822(built)).append("</lastBuildDate>\n");
        xml.append("  <atom:link rel=\"self\" type=\"application/rss+xml\" href=\"").append(Xml.escape(paths.absolute(PATH))).append("\"/>\n");
        for (FeedEntry entry : entries) {
            xml.append(items.get(entry, e -> {
                var item = new StringBuilder(entry.html().length() + 512);
                item.append("  <item>\n");
                item.append("    <title>").append(Xml.escape(entry.title())).append("</title>\n");
                item.append("    <link>").append(Xml.escape(entry.link())).append("</link>\n");
                // The link may move with the page's URL; the urn stays, so it is the guid.
                item.append("    <guid isPermaLink=\"false\">").append(entry.id()).append("</guid>\n");
                item.append("    <pubDate>").append(times.rfc822(entry.updated())).append("</pubDate>\n");
                item.append("    <description>").append(Xml.escape(entry.html())).append("</description>\n");
                item.append("  </item>\n");
                return item.toString();
            }));
        }
        xml.append("</channel>\n</rss>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }
}
