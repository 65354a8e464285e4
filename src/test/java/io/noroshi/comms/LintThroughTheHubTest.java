package io.noroshi.comms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.hub.Hub;
import io.noroshi.hub.HubOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint in a real hub over HTTP: the dry run stores nothing; an update with findings is refused
 * (422, the findings in the body) until it is posted with {@code lint_override}, which the audit log records.
 */
class LintThroughTheHubTest {

    private static final String CONFIG = """
            page:
              name: Example
            components:
              - id: api
                name: {en: Public API, ja: 公開API}
            communication:
              lint:
                require_override: true
            """;

    @TempDir
    Path dir;

    private Hub hub;
    private String incidents;
    private String admin;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        Path config = Files.writeString(dir.resolve("noroshi.yaml"), CONFIG);
        hub = Hub.start(new HubOptions(config, false, "127.0.0.1", 0, dir.resolve("data"), null), Clock.systemUTC());
        var operator = hub.admin().accounts().create("ops@example.com", "correct horse battery".toCharArray());
        incidents = hub.admin().access().issueToken(Actor.session(operator), "responder", Scope.INCIDENTS).secret();
        admin = hub.admin().access().issueToken(Actor.session(operator), "root", Scope.ADMIN).secret();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + "/api/admin/v1" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path, String token) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + "/api/admin/v1" + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String openIncident() throws Exception {
        var opened = post("/incidents", incidents, """
                {"name": "Login failures", "impact": "minor", "status": "investigating",
                 "body": "Customers cannot log in to the Public API dashboard. There is no workaround yet. Next update by 10:30 UTC."}""");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return json.readTree(opened.body()).get("id").asText();
    }

    @Test
    void theDryRunFindsAndStoresNothing() throws Exception {
        String id = openIncident();
        var lint = post("/lint", incidents, "{\"incident_id\": \"" + id + "\", \"status\": \"investigating\", \"body\": {\"en\": \"We are still looking into it.\","
                + " \"ja\": \"引き続き調査しています。\"}}");
        assertThat(lint.statusCode()).as(lint.body()).isEqualTo(200);
        JsonNode findings = json.readTree(lint.body()).get("findings");
        assertThat(findings.findValuesAsText("rule")).contains("next-update", "impact", "scope", "workaround");
        assertThat(findings.findValuesAsText("language")).contains("en", "ja");
        assertThat(get("/incidents/" + id, incidents).get("updates")).hasSize(1);

        var structured = post("/lint", incidents, "{\"status\": \"identified\", \"next_update_by\": \"2026-03-01T10:30:00Z\", "
                + "\"body\": \"Customers cannot log in to the dashboard. There is no workaround yet.\"}");
        assertThat(json.readTree(structured.body()).get("findings").findValuesAsText("rule")).isEmpty();

        var bad = post("/lint", incidents, "{\"body\": \"x\", \"estimate_at\": \"2026-03-01T10:30:00Z\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("field").asText()).isEqualTo("estimate_confidence");
    }

    @Test
    void anUpdateWithFindingsNeedsAnOverrideWhichIsAudited() throws Exception {
        String id = openIncident();
        String weak = "{\"status\": \"investigating\", \"body\": \"We are still investigating.\"";
        var refused = post("/incidents/" + id + "/updates", incidents, weak + "}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode body = json.readTree(refused.body());
        assertThat(body.get("error").asText()).isEqualTo("update_findings");
        assertThat(body.get("override_field").asText()).isEqualTo("lint_override");
        assertThat(body.get("findings").findValuesAsText("rule")).contains("next-update");
        assertThat(get("/incidents/" + id, incidents).get("updates")).hasSize(1);

        var published = post("/incidents/" + id + "/updates", incidents, weak + ", \"lint_override\": true}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        assertThat(get("/incidents/" + id, incidents).get("updates")).hasSize(2);

        JsonNode audit = get("/audit?target=incident/" + id, admin);
        JsonNode update = audit.findParents("action").stream().filter(e -> e.get("action").asText().equals("incident.update")).findFirst().orElseThrow();
        JsonNode after = update.get("after").isTextual() ? json.readTree(update.get("after").asText()) : update.get("after");
        assertThat(after.get("lint_override").findValuesAsText("rule")).contains("next-update");
    }

    @Test
    void aGoodUpdateGoesThroughWithoutOverride() throws Exception {
        String id = openIncident();
        var good = post("/incidents/" + id + "/updates", incidents, """
                {"status": "identified", "next_update_by": "2026-03-01T11:00:00Z",
                 "body": "We found the cause: an expired certificate. Customers still cannot log in to the dashboard; the mobile app keeps working, so use it meanwhile."}""");
        assertThat(good.statusCode()).as(good.body()).isEqualTo(201);
    }
}
