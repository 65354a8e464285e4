package io.noroshi.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HistoryFeedsTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private final Snapshot snapshot = new SiteRenderer().render(SiteFixture.demo(5));

    private static Document parse(Resource resource) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(resource.body()));
    }

    private static String child(Element parent, String ns, String name) {
        NodeList list = ns == null ? parent.getElementsByTagName(name) : parent.getElementsByTagNameNS(ns, name);
        assertThat(list.getLength()).as("<%s> in <%s>", name, parent.getLocalName()).isGreaterThan(0);
        return list.item(0).getTextContent();
    }

    @Test
    void atomFeedHasTheRequiredFeedAndEntryElements() throws Exception {
        Resource resource = snapshot.find("/history.atom").orElseThrow();
        assertThat(resource.contentType()).isEqualTo("application/atom+xml; charset=utf-8");
        Element feed = parse(resource).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(child(feed, ATOM, "id")).startsWith("urn:uuid:");
        assertThat(child(feed, ATOM, "title")).isEqualTo("Sakura Hosting status history");
        OffsetDateTime.parse(child(feed, ATOM, "updated"));
        NodeList links = feed.getElementsByTagNameNS(ATOM, "link");
        var rels = new java.util.ArrayList<String>();
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            if (link.getParentNode() == feed) rels.add(link.getAttribute("rel") + " " + link.getAttribute("href"));
        }
        assertThat(rels).contains("self http://127.0.0.1:8080/history.atom", "alternate http://127.0.0.1:8080/history");
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).as("5 incidents + 3 maintenance").isEqualTo(8);
        var ids = new java.util.HashSet<String>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            assertThat(ids.add(child(entry, ATOM, "id"))).as("entry ids are unique").isTrue();
            assertThat(child(entry, ATOM, "id")).matches("urn:uuid:[0-9a-f-]{36}");
            assertThat(child(entry, ATOM, "title")).isNotBlank();
            OffsetDateTime.parse(child(entry, ATOM, "updated"));
            OffsetDateTime.parse(child(entry, ATOM, "published"));
            Element content = (Element) entry.getElementsByTagNameNS(ATOM, "content").item(0);
            assertThat(content.getAttribute("type")).isEqualTo("html");
            assertThat(((Element) entry.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href")).startsWith("http://127.0.0.1:8080/");
        }
        Element newest = (Element) entries.item(0);
        assertThat(child(newest, ATOM, "title")).isEqualTo("Storage replacement");
        Element mail = null;
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            if (child(entry, ATOM, "title").equals("Mail delay 1")) mail = entry;
        }
        assertThat(mail).isNotNull();
        assertThat(child(mail, ATOM, "content")).as("HTML of the updates, decoded once")
                .contains("<strong>Resolved</strong>", "Mail is delivered normally again.", "We are investigating mail delays.");
    }

    @Test
    void entryIdsStayTheSameWhenThePageMoves() throws Exception {
        String before = child(parse(snapshot.find("/history.atom").orElseThrow()).getDocumentElement(), ATOM, "entry");
        assertThat(before).isNotBlank();
        var config = SiteFixture.CONFIG;
        var p = config.page();
        var moved = new io.noroshi.config.NoroshiConfig(new io.noroshi.config.PageSettings(p.id(), p.name(),
                java.net.URI.create("https://status.example.org/sakura/"), p.timeZone(), p.languages(), p.defaultLanguage(), p.description()),
                config.sites(), config.services(), config.componentGroups(), config.components(),
                config.vantagePoints(), config.monitors(), config.monitoring());
        var data = SiteFixture.demo(5);
        var movedData = new PageData(moved, data.states(), data.unresolved(), data.history(), data.maintenance(), data.uptime(), data.generatedAt());
        Element a = parse(snapshot.find("/history.atom").orElseThrow()).getDocumentElement();
        Element b = parse(new SiteRenderer().render(movedData).find("/history.atom").orElseThrow()).getDocumentElement();
        assertThat(child(b, ATOM, "id")).isEqualTo(child(a, ATOM, "id"));
        Element entry = (Element) b.getElementsByTagNameNS(ATOM, "entry").item(0);
        assertThat(((Element) entry.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"))
                .isEqualTo("https://status.example.org/sakura/maintenance/mnt-active");
    }

    @Test
    void rssFeedHasTheRequiredChannelAndItemElementsWithRfc822Dates() throws Exception {
        Resource resource = snapshot.find("/history.rss").orElseThrow();
        assertThat(resource.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
        Element rss = parse(resource).getDocumentElement();
        assertThat(rss.getTagName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        Element channel = (Element) rss.getElementsByTagName("channel").item(0);
        assertThat(child(channel, null, "title")).isEqualTo("Sakura Hosting status history");
        assertThat(child(channel, null, "link")).isEqualTo("http://127.0.0.1:8080/history");
        assertThat(child(channel, null, "description")).isNotBlank();
        ZonedDateTime built = ZonedDateTime.parse(child(channel, null, "lastBuildDate"), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(built.getOffset().getTotalSeconds()).isEqualTo(9 * 3600);
        NodeList items = channel.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(8);
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            assertThat(child(item, null, "title")).isNotBlank();
            assertThat(child(item, null, "link")).startsWith("http://127.0.0.1:8080/");
            Element guid = (Element) item.getElementsByTagName("guid").item(0);
            assertThat(guid.getAttribute("isPermaLink")).isEqualTo("false");
            assertThat(guid.getTextContent()).startsWith("urn:uuid:");
            ZonedDateTime.parse(child(item, null, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME);
            assertThat(child(item, null, "description")).contains("<p>");
        }
    }
}
