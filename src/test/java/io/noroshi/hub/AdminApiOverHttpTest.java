package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.admin.AdminRoutes;
import io.noroshi.admin.ApiRoute;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin API over real HTTP on loopback against a whole hub. */
class AdminApiOverHttpTest {

    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path data;
    static AdminHub admin;

    @BeforeAll
    static void start() {
        admin = new AdminHub(data);
    }

    @AfterAll
    static void stop() {
        if (admin != null) admin.close();
    }

    @Test
    void wholeIncidentLifecycleShowsOnThePublicApiWhenEachCallReturns() throws Exception {
        var opened = json(admin.post("/api/admin/v1/incidents", admin.incidentsToken, """
                {"name": {"en": "Mail delayed LC1", "ja": "メール遅延 LC1"}, "impact": "major",
                 "body": "We are looking into delayed mail.", "affected_components": [{"id": "mail", "status": "partial_outage"}]}"""), 201);
        String id = opened.get("id").asText();
        assertThat(summary()).contains("Mail delayed LC1").contains("We are looking into delayed mail.");
        assertThat(componentStatus("mail")).isEqualTo("partial_outage");

        json(admin.post("/api/admin/v1/incidents/" + id + "/updates", admin.incidentsToken, """
                {"status": "identified", "body": {"en": "A queue is stuck LC1-2", "ja": "キューが停止 LC1-2"}, "notify": false}"""), 201);
        assertThat(summary()).contains("A queue is stuck LC1-2");
        assertThat(admin.get("/ja/", null).body()).contains("キューが停止 LC1-2");

        json(admin.post("/api/admin/v1/incidents/" + id + "/impact", admin.incidentsToken, "{\"impact\": \"critical\"}"), 200);
        var resolved = json(admin.post("/api/admin/v1/incidents/" + id + "/resolve", admin.incidentsToken,
                "{\"affected_components\": [{\"id\": \"mail\", \"status\": \"operational\"}]}"), 200);
        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
        assertThat(componentStatus("mail")).isEqualTo("operational");
        assertThat(summary()).doesNotContain("Mail delayed LC1");
        var withPostmortem = json(admin.post("/api/admin/v1/incidents/" + id + "/postmortem", admin.incidentsToken,
                "{\"body\": \"A disk filled up.\"}"), 200);
        assertThat(withPostmortem.get("status").asText()).isEqualTo("postmortem");

        var audit = json(admin.get("/api/admin/v1/audit?target=incident/" + id, admin.adminToken), 200);
        assertThat(audit).extracting(e -> e.get("action").asText())
                .containsExactly("incident.postmortem", "incident.resolve", "incident.impact", "incident.update", "incident.open");
        assertThat(audit.get(0).get("actor").asText()).isEqualTo(AdminHub.EMAIL + " via token responder");
        assertThat(audit.get(2).get("before").asText()).contains("\"impact\":\"major\"");
        assertThat(audit.get(2).get("after").asText()).contains("\"impact\":\"critical\"");

        var found = json(admin.get("/api/admin/v1/incidents?q=queue+is+stuck+lc1-2", admin.readToken), 200);
        assertThat(found).extracting(i -> i.get("id").asText()).containsExactly(id);
    }

    @Test
    void maintenanceRunsFromScheduleToCompletionAndCancel() throws Exception {
        var scheduled = json(admin.post("/api/admin/v1/maintenance", admin.incidentsToken, """
                {"name": "DB upgrade MT1", "scheduled_for": "2030-01-01T01:00:00Z", "scheduled_until": "2030-01-01T02:00:00Z",
                 "component_ids": ["databases"], "body": "Planned upgrade."}"""), 201);
        String id = scheduled.get("id").asText();
        assertThat(summary()).contains("DB upgrade MT1");
        json(admin.post("/api/admin/v1/maintenance/" + id + "/start", admin.incidentsToken, ""), 200);
        assertThat(componentStatus("databases")).isEqualTo("under_maintenance");
        var done = json(admin.post("/api/admin/v1/maintenance/" + id + "/complete", admin.incidentsToken, ""), 200);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(componentStatus("databases")).isEqualTo("operational");
        assertThat(admin.post("/api/admin/v1/maintenance/" + id + "/start", admin.incidentsToken, "").statusCode()).isEqualTo(409);

        var other = json(admin.post("/api/admin/v1/maintenance", admin.incidentsToken, """
                {"name": "Cancelled MT2", "scheduled_for": "2030-02-01T01:00:00Z", "scheduled_until": "2030-02-01T02:00:00Z"}"""), 201);
        var cancelled = json(admin.post("/api/admin/v1/maintenance/" + other.get("id").asText() + "/cancel", admin.incidentsToken, ""), 200);
        assertThat(cancelled.get("updates").get(1).get("body").toString()).contains("cancelled");
    }

    @Test
    void componentOverrideIsSetAndCleared() throws Exception {
        json(admin.send("PUT", "/api/admin/v1/components/dns/override", admin.incidentsToken, "{\"status\": \"major_outage\"}"), 200);
        assertThat(componentStatus("dns")).isEqualTo("major_outage");
        var listed = json(admin.get("/api/admin/v1/components", admin.readToken), 200);
        assertThat(listed.toString()).contains("{\"id\":\"dns\",\"status\":\"major_outage\"");
        json(admin.send("DELETE", "/api/admin/v1/components/dns/override", admin.incidentsToken, null), 200);
        assertThat(componentStatus("dns")).isEqualTo("operational");
    }

    @ParameterizedTest(name = "{0} {1} with {2} → {3}")
    @CsvSource({
            "GET, /api/admin/v1/incidents, none, 401",
            "GET, /api/admin/v1/incidents, wrong, 401",
            "GET, /api/admin/v1/incidents, read, 200",
            "POST, /api/admin/v1/incidents, none, 401",
            "POST, /api/admin/v1/incidents, read, 403",
            "GET, /api/admin/v1/tokens, incidents, 403",
            "GET, /api/admin/v1/audit, incidents, 403",
            "POST, /api/admin/v1/tokens, incidents, 403",
            "GET, /api/admin/v1/tokens, admin, 200"})
    void requestsWithoutTokenOrScopeAreRefused(String method, String path, String who, int status) throws Exception {
        String token = switch (who) {
            case "read" -> admin.readToken;
            case "incidents" -> admin.incidentsToken;
            case "admin" -> admin.adminToken;
            case "wrong" -> "nrs_" + "A".repeat(43);
            default -> null;
        };
        int before = admin.hub.database().incidents().count();
        var response = admin.send(method, path, token, method.equals("POST") ? "{\"name\": \"x\", \"body\": \"y\"}" : null);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        if (status >= 400) assertThat(JSON.readTree(response.body()).get("message").asText()).isNotBlank();
        if (method.equals("POST") && status >= 400) assertThat(admin.hub.database().incidents().count()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\": \"x\", \"body\": \"y\", \"colour\": \"red\"}| colour",
            "{\"name\": \"x\", \"body\": \"y\", \"impact\": \"huge\"}| impact",
            "{\"name\": \"x\"}| body",
            "{\"body\": \"y\"}| name",
            "{\"name\": {\"en\": \"x\", \"fr\": \"y\"}, \"body\": \"y\"}| name.fr",
            "{\"name\": \"x\", \"body\": \"y\", \"affected_components\": [{\"id\": \"mail\", \"status\": \"major_outage\"}, {\"id\": \"mail\", \"status\": \"sideways\"}]}| affected_components[1].status",
            "{\"name\": \"x\", \"body\": \"y\", \"affected_components\": [{\"id\": \"mail\", \"status\": \"major_outage\"}, {\"id\": \"nope\", \"status\": \"major_outage\"}]}| affected_components[1].id",
            "{\"name\": \"x\", \"body\": \"y\", \"affected_components\": [{\"id\": \"mail\"}]}| affected_components[0].status",
            "[1, 2]| ''",
            "{not json| ''"})
    void badPayloadsAreAnswered400NamingTheFieldAndNothingIsStored(String body, String field) throws Exception {
        int before = admin.hub.database().incidents().count();
        int auditBefore = admin.hub.database().auditLog().recent("", 10_000).size();
        var response = admin.post("/api/admin/v1/incidents", admin.incidentsToken, body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("field").asText()).isEqualTo(field);
        assertThat(admin.hub.database().incidents().count()).isEqualTo(before);
        assertThat(admin.hub.database().auditLog().recent("", 10_000)).hasSize(auditBefore);
    }

    @Test
    void tooLongTextIsRefusedNamingTheLanguage() throws Exception {
        var response = admin.post("/api/admin/v1/incidents", admin.incidentsToken,
                "{\"name\": \"x\", \"body\": {\"ja\": \"" + "あ".repeat(10_001) + "\"}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("field").asText()).isEqualTo("body.ja");
    }

    @Test
    void tokenIsShownOnceAndStoredOnlyAsItsHash() throws Exception {
        var created = json(admin.post("/api/admin/v1/tokens", admin.adminToken, "{\"name\": \"ci\", \"scope\": \"read\"}"), 201);
        String secret = created.get("token").asText();
        assertThat(secret).startsWith("nrs_").hasSize(4 + 43);
        var stored = admin.hub.database().tokens().find(created.get("id").asText()).orElseThrow();
        assertThat(stored.tokenHash()).isEqualTo(io.noroshi.account.SecretTokens.sha256(secret)).doesNotContain(secret);
        String listed = admin.get("/api/admin/v1/tokens", admin.adminToken).body();
        assertThat(listed).doesNotContain(secret).doesNotContain(stored.tokenHash());
        assertThat(json(admin.get("/api/admin/v1/tokens/" + created.get("id").asText(), admin.adminToken), 405)).isNotNull(); // no way to read a token back
        assertThat(admin.get("/api/admin/v1/incidents", secret).statusCode()).isEqualTo(200);
        json(admin.send("DELETE", "/api/admin/v1/tokens/" + created.get("id").asText(), admin.adminToken, null), 200);
        assertThat(admin.get("/api/admin/v1/incidents", secret).statusCode()).isEqualTo(401);
        assertThat(admin.hub.database().auditLog().recent("token/" + created.get("id").asText(), 10).toString()).doesNotContain(secret);
    }

    @Test
    void concurrentUpdatesToOneIncidentKeepOneConsistentOrder() throws Exception {
        String id = json(admin.post("/api/admin/v1/incidents", admin.incidentsToken, "{\"name\": \"Race CC1\", \"body\": \"start\"}"), 201)
                .get("id").asText();
        int writers = 8, each = 5;
        try (var pool = Executors.newFixedThreadPool(writers)) {
            var futures = new ArrayList<Future<Integer>>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    for (int n = 0; n < each; n++) {
                        admin.post("/api/admin/v1/incidents/" + id + "/updates", admin.incidentsToken,
                                "{\"status\": \"monitoring\", \"body\": \"w" + writer + "-" + n + "\"}").statusCode();
                    }
                    return writer;
                }));
            }
            for (var f : futures) f.get();
        }
        var incident = json(admin.get("/api/admin/v1/incidents/" + id, admin.readToken), 200);
        List<String> bodies = new ArrayList<>();
        incident.get("updates").forEach(u -> bodies.add(u.get("body").get("*").asText()));
        assertThat(bodies).hasSize(1 + writers * each).doesNotHaveDuplicates();
        for (int w = 0; w < writers; w++) {
            String prefix = "w" + w + "-";
            assertThat(bodies.stream().filter(b -> b.startsWith(prefix)).toList())
                    .containsExactly(prefix + 0, prefix + 1, prefix + 2, prefix + 3, prefix + 4);
        }
        var audit = admin.hub.database().auditLog().recent("incident/" + id, 1000);
        assertThat(audit).hasSize(1 + writers * each);
        // the last update in the incident is also the one the public page shows
        assertThat(summary()).contains(bodies.getLast());
    }

    @Test
    void openApiDocumentDescribesEveryRegisteredAdminRoute() throws Exception {
        var response = admin.get("/api/admin/v1/openapi.json", null);
        var doc = json(response, 200);
        assertThat(doc.get("openapi").asText()).startsWith("3.1");
        List<ApiRoute> routes = admin.hub.admin().routes().apiRoutes();
        assertThat(routes).hasSizeGreaterThan(15);
        for (ApiRoute route : routes) {
            JsonNode op = doc.get("paths").path(AdminRoutes.BASE + route.path()).path(route.method().name().toLowerCase(Locale.ROOT));
            assertThat(op.isMissingNode()).as(route.method() + " " + route.path()).isFalse();
            // and the route really is registered: without a token it answers 401, not 404
            var unauthenticated = admin.send(route.method().name(), AdminRoutes.BASE + route.path().replace("{id}", "x"), null, null);
            assertThat(unauthenticated.statusCode()).as(route.method() + " " + route.path()).isEqualTo(401);
        }
    }

    private static JsonNode json(java.net.http.HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static String summary() {
        return admin.get("/api/v2/summary.json", null).body();
    }

    private static String componentStatus(String id) throws Exception {
        for (JsonNode c : JSON.readTree(summary()).get("components")) {
            if (c.get("name").asText().toLowerCase(Locale.ROOT).contains(id.substring(0, 3))) return c.get("status").asText();
        }
        throw new AssertionError("no component like " + id + " in summary.json");
    }
}
