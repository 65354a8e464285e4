package io.noroshi.statuspage;

import static io.noroshi.testing.SeededTries.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryJsonProperties {

    private final SiteRenderer renderer = new SiteRenderer();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void summaryParsesAndIncidentTextRoundTrips() {
        check("summary parses and text round trips", 200, cases -> {
            String name = cases.anyString(1, 200);
            String body = cases.anyString(500);
            var incident = SiteFixture.open("p", Text.of(name), Text.of(body), Impact.MINOR);
            Snapshot snapshot = renderer.render(SiteFixture.with(List.of(incident)));
            JsonNode summary = json.readTree(snapshot.find("/api/v2/summary.json").orElseThrow().body());
            JsonNode parsed = summary.get("incidents").get(0);
            assertThat(parsed.get("name").asText()).isEqualTo(name);
            assertThat(parsed.get("incident_updates").get(0).get("body").asText()).isEqualTo(body);
        });
    }

    @Test
    void feedsStayWellFormedXmlWhateverTheText() {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        check("feeds stay well-formed XML", 100, cases -> {
            String name = cases.anyString(1, 100);
            String body = cases.anyString(200);
            var incident = SiteFixture.open("p", Text.of(name), Text.of(body), Impact.MINOR);
            Snapshot snapshot = renderer.render(SiteFixture.with(List.of(incident)));
            for (String path : List.of("/history.atom", "/history.rss")) {
                factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(snapshot.find(path).orElseThrow().body()));
            }
        });
    }
}
