package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wrong methods, bodies that are not JSON, JSON syntax errors and paging through a long audit log. */
class AdminApiHygieneTest {

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

    @ParameterizedTest(name = "{0} {1} -> Allow: {2}")
    @CsvSource(delimiter = '|', value = {
            "DELETE | /api/admin/v1/incidents | GET, POST",
            "PUT | /api/admin/v1/incidents/abc | GET",
            "GET | /api/admin/v1/incidents/abc/updates | POST",
            "PATCH | /api/admin/v1/components/mail/override | PUT, DELETE",
            "POST | /api/admin/v1/audit | GET"})
    void aWrongMethodIs405WithAllow(String method, String path, String allow) throws Exception {
        var answer = admin.send(method, path, null, null);

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).contains(allow);
        assertThat(JSON.readTree(answer.body()).get("error").asText()).isEqualTo("method_not_allowed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"text/plain", "application/x-www-form-urlencoded", "NONE"})
    void aBodyThatIsNotJsonIs415(String type) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(admin.url("/api/admin/v1/incidents")))
                .header("Authorization", "Bearer " + admin.incidentsToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\", \"body\": \"y\"}"));
        if (!type.equals("NONE")) request.header("Content-Type", type);
        var answer = admin.http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(answer.body()).get("error").asText()).isEqualTo("unsupported_media_type");
    }

    @Test
    void jsonWithACharsetAndBodilessStepsAreAccepted() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(admin.url("/api/admin/v1/incidents")))
                .header("Authorization", "Bearer " + admin.incidentsToken).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Charset HY1\", \"body\": \"y\"}"));
        assertThat(admin.http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);

        String maintenance = IncidentLifecycleStepsTest.maintenanceIn(admin, "scheduled");
        var bare = HttpRequest.newBuilder(URI.create(admin.url("/api/admin/v1/maintenance/" + maintenance + "/start")))
                .header("Authorization", "Bearer " + admin.incidentsToken).POST(HttpRequest.BodyPublishers.noBody());
        assertThat(admin.http.send(bare.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\": \"x\",\\n  \"body\": } | line 2, column 11 | unexpected '}'",
            "{\"name\": \"x\" | line 1, column 13 | ends before the JSON is complete",
            "{\"name\": nope} | line 1, column 10 | unexpected word 'nope'",
            "{name: 1} | line 1, column 2 | unexpected 'n'"})
    void jsonSyntaxErrorsNameLineAndColumnNotTheParser(String body, String where, String what) throws Exception {
        var answer = admin.post("/api/admin/v1/incidents", admin.incidentsToken, body.replace("\\n", "\n"));

        assertThat(answer.statusCode()).isEqualTo(400);
        String message = JSON.readTree(answer.body()).get("message").asText();
        assertThat(message).contains(where).contains(what).doesNotContain("code").doesNotContain("token").doesNotContain("Source")
                .doesNotContain("jackson");
    }

    @Test
    void theAuditLogPagesBeyondItsFirstThousandEntries() throws Exception {
        for (int i = 0; i < 1_100; i++) {
            admin.hub.database().auditLog().append(Instant.EPOCH.plusSeconds(i), "bench", "test.page", "paging/one", "null", "{}");
        }
        var seen = new ArrayList<Long>();
        String next = "/api/admin/v1/audit?target=paging/one&limit=1000";
        int pages = 0;
        while (next != null && pages++ < 10) {
            var answer = admin.get(next, admin.adminToken);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            for (JsonNode entry : JSON.readTree(answer.body())) seen.add(entry.get("seq").asLong());
            var link = answer.headers().firstValue("Link").map(l -> Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(l));
            next = link.filter(java.util.regex.Matcher::find).map(m -> m.group(1)).orElse(null);
        }

        assertThat(pages).isEqualTo(2);
        assertThat(seen).hasSize(1_100).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
}
