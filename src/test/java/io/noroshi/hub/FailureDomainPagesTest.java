package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.audit.Finding;
import io.noroshi.audit.inventory.InventoryAudit;
import io.noroshi.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failure-domain admin page and its API over real HTTP, logged in through the login form. */
class FailureDomainPagesTest {

    static final String CONFIG = """
            page: {name: "Example <Hosting> & Co"}
            sites:
              - {id: dc1, name: "Tokyo <DC1>", shared_parts: [{id: san, name: SAN}]}
              - {id: dc2, name: Osaka}
              - {id: cloud, name: Cloud, kind: cloud}
            services:
              - id: dns
                name: Authoritative DNS
                kind: dns
                endpoints: [{host: ns1.example.com, site: dc1, shared_parts: [san]}]
              - id: web
                name: "<script>alert('web')</script>"
                kind: web
                endpoints: [{host: www.example.com, site: dc2}]
                depends_on: [dns]
              - id: api
                kind: api
                endpoints: [{host: api1.example.com, site: dc1}, {host: api2.example.com, site: dc2}]
              - id: status
                kind: status
                endpoints: [{host: status.example.com, site: cloud}]
              - id: relay
                kind: notify
                endpoints: [{host: relay.example.com, site: dc1}]
            """;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static AdminHub admin;
    static String session;
    static Path config;

    @BeforeAll
    static void start() throws Exception {
        config = Files.writeString(data.resolve("noroshi.yaml"), CONFIG);
        admin = new AdminHub(data.resolve("db"), config);
        session = admin.login();
    }

    @AfterAll
    static void stop() {
        if (admin != null) admin.close();
    }

    @Test
    void theChosenSitesServicesAreMarkedDownInTheDiagramAndTheSummary() {
        var response = admin.page("/admin/failure-domains?fail=dc1", session);

        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(body).contains("<svg").contains("</svg>");
        assertThat(serviceClass(body, "dns")).isEqualTo("service down");
        assertThat(serviceClass(body, "relay")).isEqualTo("service down");
        assertThat(serviceClass(body, "web")).isEqualTo("service down-through-dependency");
        assertThat(serviceClass(body, "api")).isEqualTo("service degraded");
        assertThat(serviceClass(body, "status")).isEqualTo("service up");
        assertThat(section(body, "down-direct")).contains("dns").contains("relay").doesNotContain("web");
        assertThat(section(body, "down-through")).contains("web (via dns)");
        assertThat(section(body, "degraded")).contains("api");
        assertThat(section(body, "can-publish")).contains("Yes");
        assertThat(section(body, "can-reach")).contains("No");
    }

    @Test
    void aSharedPartCanFailAlone() {
        String body = admin.page("/admin/failure-domains?fail=san", session).body();

        assertThat(serviceClass(body, "dns")).isEqualTo("service down");
        assertThat(serviceClass(body, "relay")).isEqualTo("service up");
        assertThat(section(body, "can-reach")).contains("Yes");
    }

    @Test
    void everySiteAndSharedPartCanBeChosenByALink() {
        String body = admin.page("/admin/failure-domains", session).body();

        for (String id : new String[]{"dc1", "san", "dc2", "cloud"}) assertThat(body).contains("href=\"/admin/failure-domains?fail=" + id + "\"");
        assertThat(body).contains("<svg").doesNotContain("id=\"blast-radius\"");
        assertThat(admin.page("/admin/incidents", session).body()).contains("href=\"/admin/failure-domains\"").contains("href=\"/admin/findings\"");
    }

    @Test
    void anUnknownSiteIsRefusedWithAClearMessageAndTheChoicesStillShown() {
        var response = admin.page("/admin/failure-domains?fail=nowhere", session);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("role=\"alert\"").contains("no site or shared part with id 'nowhere'; choose one below")
                .contains("href=\"/admin/failure-domains?fail=dc1\"").doesNotContain("Exception").doesNotContain("at io.noroshi");
        var scripted = admin.page("/admin/failure-domains?fail=%3Cscript%3Ex%3C/script%3E", session);
        assertThat(scripted.statusCode()).isEqualTo(400);
        assertThat(scripted.body()).doesNotContain("<script>x</script>").contains("&lt;script&gt;x&lt;/script&gt;");
    }

    @Test
    void everyTextFromTheConfigIsEscaped() {
        String body = admin.page("/admin/failure-domains?fail=dc1", session).body();

        assertThat(body).doesNotContain("<script>alert('web')</script>").doesNotContain("<Hosting>").doesNotContain("<DC1>");
        assertThat(body).contains("&lt;script&gt;alert(&#39;web&#39;)&lt;/script&gt;").contains("Example &lt;Hosting&gt; &amp; Co")
                .contains("Tokyo &lt;DC1&gt;");
    }

    @Test
    void theInventoryFindingsAreGroupedBySeverityWithRuleEvidenceAndReference() {
        String body = admin.page("/admin/failure-domains", session).body();
        var report = new InventoryAudit(Clock.systemUTC()).audit("noroshi.yaml", new ConfigLoader().load(config), Optional.empty());

        assertThat(report.findings()).isNotEmpty();
        for (Finding finding : report.findings()) {
            String group = section(body, "severity-" + finding.severity().id());
            assertThat(group).as("heading of %s", finding.severity()).isNotNull();
            assertThat(body).contains("<code>" + finding.ruleId() + "</code>").contains(finding.reference());
            for (String line : finding.evidence()) assertThat(body).contains(escape(line));
        }
        var headings = Pattern.compile("id=\"severity-(\\w+)\"").matcher(body).results().map(r -> r.group(1)).toList();
        assertThat(headings).containsExactlyElementsOf(report.findings().stream().map(f -> f.severity().id()).distinct().toList());
        assertThat(headings).hasSizeGreaterThan(1);
    }

    @Test
    void withoutASessionThePageSendsToTheLogin() {
        var response = admin.page("/admin/failure-domains?fail=dc1", null);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/admin/login");
        assertThat(admin.page("/admin/findings", null).statusCode()).isEqualTo(302);
    }

    @Test
    void withoutAnAuditSectionTheFindingsPageSaysHowToScheduleOne() {
        var response = admin.page("/admin/findings", session);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"no-domains\"").contains("audit:");
    }

    @Test
    void theApiAnswersTheSameAsJsonWithTheReadScope() throws Exception {
        var one = admin.get("/api/admin/v1/failure-domains?fail=dc1", admin.readToken);
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(one.body());
        assertThat(report.path("blast_radius")).hasSize(1);
        JsonNode radius = report.path("blast_radius").get(0);
        assertThat(radius.path("failure_domain").path("id").asText()).isEqualTo("dc1");
        assertThat(radius.path("can_publish_status").asBoolean()).isTrue();
        assertThat(radius.path("can_reach_customers").asBoolean()).isFalse();
        assertThat(report.path("findings")).isNotEmpty().allSatisfy(f -> assertThat(f.path("reference").asText()).isNotEmpty());

        var all = JSON.readTree(admin.get("/api/admin/v1/failure-domains", admin.readToken).body());
        assertThat(all.path("blast_radius")).hasSize(4);
        var unknown = admin.get("/api/admin/v1/failure-domains?fail=nowhere", admin.readToken);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("error").asText()).isEqualTo("not_found");
        assertThat(admin.get("/api/admin/v1/failure-domains", null).statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(admin.get("/api/admin/v1/findings", admin.readToken).body())).isEmpty();

        JsonNode openApi = JSON.readTree(admin.get("/api/admin/v1/openapi.json", null).body());
        assertThat(openApi.path("paths").path("/api/admin/v1/failure-domains").path("get").path("x-noroshi-scope").asText()).isEqualTo("read");
        assertThat(openApi.path("paths").has("/api/admin/v1/findings")).isTrue();
    }

    /** The class of the diagram's box of one service. */
    static String serviceClass(String body, String service) {
        Matcher m = Pattern.compile("<g class=\"([^\"]+)\" data-service=\"" + Pattern.quote(service) + "\"").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    /** The content of the element with {@code id}, up to the next closing tag of its kind; null when absent. */
    static String section(String body, String id) {
        Matcher m = Pattern.compile("<(\\w+)[^>]* id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL).matcher(body);
        return m.find() ? m.group(2) : null;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;").replace("'", "&#39;");
    }
}
