package io.noroshi.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class SummaryJsonProperties {

    private final SiteRenderer renderer = new SiteRenderer();
    private final ObjectMapper json = new ObjectMapper();

    @Property(tries = 200)
    void summaryParsesAndIncidentTextRoundTrips(@ForAll @StringLength(min = 1, max = 200) String name,
                                                @ForAll @StringLength(max = 500) String body) throws Exception {
        var incident = SiteFixture.open("p", Text.of(name), Text.of(body), Impact.MINOR);
        Snapshot snapshot = renderer.render(SiteFixture.with(List.of(incident)));
        JsonNode summary = json.readTree(snapshot.find("/api/v2/summary.json").orElseThrow().body());
        JsonNode parsed = summary.get("incidents").get(0);
        assertThat(parsed.get("name").asText()).isEqualTo(name);
        assertThat(parsed.get("incident_updates").get(0).get("body").asText()).isEqualTo(body);
    }

    @Property(tries = 100)
    void feedsStayWellFormedXmlWhateverTheText(@ForAll @StringLength(min = 1, max = 100) String name,
                                               @ForAll @StringLength(max = 200) String body) throws Exception {
        var incident = SiteFixture.open("p", Text.of(name), Text.of(body), Impact.MINOR);
        Snapshot snapshot = renderer.render(SiteFixture.with(List.of(incident)));
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (String path : List.of("/history.atom", "/history.rss")) {
            factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(snapshot.find(path).orElseThrow().body()));
        }
    }
}
