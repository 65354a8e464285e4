package io.noroshi.audit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noroshi.audit.AuditInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class BlastRadiusDiagramTest {

    private final BlastRadiusDiagram diagram = new BlastRadiusDiagram();

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static String classOf(Document svg, String service) {
        var groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            var g = (org.w3c.dom.Element) groups.item(i);
            if (g.getAttribute("data-service").equals(service)) return g.getAttribute("class");
        }
        throw new AssertionError("no box for " + service);
    }

    @Test
    void theFailingSitesBlastRadiusIsHighlighted() throws Exception {
        Document svg = parse(diagram.render(Inventories.parse(Inventories.WELL_SPLIT), Optional.of("tokyo")));

        assertThat(classOf(svg, "web")).isEqualTo("service down");
        assertThat(classOf(svg, "dns")).isEqualTo("service degraded");
        assertThat(classOf(svg, "status")).isEqualTo("service up");
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).contains("if tokyo fails", "status page survives");
    }

    @Test
    void servicesDownThroughADependencyAreMarkedSo() throws Exception {
        Document svg = parse(diagram.render(Inventories.parse(Inventories.STORY), Optional.of("dc1")));

        assertThat(classOf(svg, "dns")).isEqualTo("service down");
        assertThat(classOf(svg, "status")).isEqualTo("service down");
        assertThat(svg.getElementsByTagName("line").getLength()).isEqualTo(3);
    }

    @Test
    void everyTextFromTheConfigIsEscaped() throws Exception {
        String hostile = Inventories.STORY.replace("name: Main data center", "name: \"<script>alert('x')</script> & \\\"co\\\"\"")
                .replace("page: {name: Story Hosting}", "page: {name: \"A&B <Hosting>\"}");

        String svg = diagram.render(Inventories.parse(hostile), Optional.empty());

        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;")
                .contains("A&amp;B &lt;Hosting&gt;");
        assertThat(parse(svg).getDocumentElement().getTagName()).isEqualTo("svg");
    }

    @Test
    void anUnknownFailureDomainIsRefused() {
        assertThatThrownBy(() -> diagram.render(Inventories.parse(Inventories.STORY), Optional.of("atlantis")))
                .isInstanceOf(AuditInputException.class).hasMessageContaining("atlantis");
    }

    @Test
    void textTooLongForItsBoxIsCutWithAnEllipsisAndKeptWholeInTheTooltip() {
        assertThat(BlastRadiusDiagram.fit("Mail", 10)).isEqualTo("Mail");
        assertThat(BlastRadiusDiagram.fit("Customer contact list (encrypted copy)", 12)).isEqualTo("Customer co…").hasSize(12);
        assertThat(BlastRadiusDiagram.fit("お客様連絡先の複製です", 10)).isEqualTo("お客様連…");
        assertThat(BlastRadiusDiagram.fit("0123456789", 10)).isEqualTo("0123456789");
    }
}
