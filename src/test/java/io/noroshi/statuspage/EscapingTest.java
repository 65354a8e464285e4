package io.noroshi.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** User text (names, bodies) must never become markup in any file of the site. */
class EscapingTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";

    private final Snapshot snapshot = new SiteRenderer().render(hostile());

    private static PageData hostile() {
        var open = SiteFixture.open("evil", Text.of(SCRIPT + " & " + IMG), Text.of(IMG + " then " + SCRIPT), Impact.MAJOR);
        var resolved = SiteFixture.resolved("old", Text.of(IMG), 30);
        var data = SiteFixture.with(List.of(open, resolved));
        var config = SiteFixture.CONFIG;
        var p = config.page();
        var components = new java.util.ArrayList<>(config.components());
        var web = components.getFirst();
        components.set(0, new io.noroshi.config.Component(web.id(), Text.of(SCRIPT), Text.of(IMG), web.group(), web.services()));
        var page = new io.noroshi.config.PageSettings(p.id(), "Acme " + IMG, p.url(), p.timeZone(), p.languages(),
                p.defaultLanguage(), Text.of(SCRIPT));
        var evilConfig = new io.noroshi.config.NoroshiConfig(page, config.sites(), config.services(), config.componentGroups(), components,
                config.vantagePoints(), config.monitors(), config.monitoring());
        return new PageData(evilConfig, Map.of(), data.unresolved(), data.history(), List.of(), Map.of(), SiteFixture.NOW);
    }

    private String text(String path) {
        return new String(snapshot.find(path).orElseThrow().body(), StandardCharsets.UTF_8);
    }

    @Test
    void noResourceContainsRawMarkupFromUserText() {
        snapshot.resources().forEach((path, resource) -> {
            String body = new String(resource.body(), StandardCharsets.UTF_8);
            assertThat(body).as(path).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img");
        });
    }

    @Test
    void htmlPagesShowTheTextEscapedInEveryLanguage() {
        for (String path : List.of("/", "/ja/", "/incidents/evil", "/ja/incidents/evil", "/history")) {
            assertThat(text(path)).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .contains("&gt;&lt;img src=x onerror=alert(1)&gt;");
        }
    }

    @Test
    void feedsCarryTheTextEscapedTwiceInsideHtmlContent() {
        assertThat(text("/history.atom")).contains("<title type=\"text\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;&gt;&lt;img")
                .contains("&amp;lt;script&amp;gt;");
        assertThat(text("/history.rss")).contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;").contains("&amp;lt;script&amp;gt;");
    }

    @Test
    void badgesEscapeNamesAndTitle() {
        assertThat(text("/badge/web-hosting.svg")).contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;: operational</title>");
    }

    @Test
    void jsonEscapesMarkupCharactersYetRoundTripsTheName() throws Exception {
        String raw = text("/api/v2/incidents.json");
        assertThat(raw).contains("\\u003Cscript\\u003E");
        var name = new ObjectMapper().readTree(raw).get("incidents").get(0).get("name").asText();
        assertThat(name).isEqualTo(SCRIPT + " & " + IMG);
    }
}
