package io.noroshi.statuspage.feed;

import io.noroshi.statuspage.PageTimes;
import io.noroshi.statuspage.RenderCache;
import io.noroshi.statuspage.SiteFacts;
import io.noroshi.statuspage.SitePaths;
import io.noroshi.statuspage.UiStrings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code /history.atom}: Atom 1.0 (RFC 4287) of recent incidents and maintenance. */
public final class AtomFeed {

    public static final String PATH = "/history.atom";

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
        Instant updated = entries.isEmpty() ? facts.lastChange() : entries.getFirst().updated();
        String feedId = "urn:uuid:" + UUID.nameUUIDFromBytes((facts.page().id() + "/history").getBytes(StandardCharsets.UTF_8));
        var xml = new StringBuilder(8192);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(Xml.escape(words.language())).append("\">\n");
        xml.append("  <id>").append(feedId).append("</id>\n");
        xml.append("  <title>").append(Xml.escape(words.format("feed.title", facts.page().name()))).append("</title>\n");
        xml.append("  <subtitle>").append(Xml.escape(words.format("feed.description", facts.page().name()))).append("</subtitle>\n");
        xml.append("  <updated>").append(times.iso(updated)).append("</updated>\n");
        xml.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(Xml.escape(paths.absolute(PATH))).append("\"/>\n");
        xml.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(paths.absolute(paths.history(words.language(), 1)))).append("\"/>\n");
        xml.append("  <author><name>").append(Xml.escape(facts.page().name())).append("</name></author>\n");
        xml.append("  <generator>Noroshi</generator>\n");
        for (FeedEntry entry : entries) {
            xml.append(items.get(entry, e -> {
                var item = new StringBuilder(entry.html().length() + 512);
                item.append("  <entry>\n");
                item.append("    <id>").append(entry.id()).append("</id>\n");
                item.append("    <title type=\"text\">").append(Xml.escape(entry.title())).append("</title>\n");
                item.append("    <published>").append(times.iso(entry.published())).append("</published>\n");
                item.append("    <updated>").append(times.iso(entry.updated())).append("</updated>\n");
                item.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(entry.link())).append("\"/>\n");
                item.append("    <content type=\"html\">").append(Xml.escape(entry.html())).append("</content>\n");
                item.append("  </entry>\n");
                return item.toString();
            }));
        }
        xml.append("</feed>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }
}
