package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.cli.Main;
import io.noroshi.storage.Engine;
import io.noroshi.testing.CuttingProxy;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Idempotency-Key on admin writes: a retry returns the first answer and stores nothing new, on both engines. */
class IdempotentRetryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path data;
    static EngineHubs hubs;

    @BeforeAll
    static void start() {
        hubs = new EngineHubs(data);
    }

    @AfterAll
    static void stop() {
        if (hubs != null) hubs.close();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theSameKeyAndBodyReturnsTheFirstAnswerAndStoresNothingNew(Engine engine) throws Exception {
        AdminHub admin = hubs.on(engine);
        String id = IncidentLifecycleStepsTest.incidentIn(admin, "investigating");
        String key = UUID.randomUUID().toString();
        String body = "{\"status\": \"identified\", \"body\": \"Found it IK1.\"}";

        var first = post(admin, "/api/admin/v1/incidents/" + id + "/updates", key, body);
        var again = post(admin, "/api/admin/v1/incidents/" + id + "/updates", key, body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(updates(admin, id)).isEqualTo(2);
        assertThat(auditEntries(admin, id)).isEqualTo(2);

        var other = post(admin, "/api/admin/v1/incidents/" + id + "/updates", key, "{\"status\": \"monitoring\", \"body\": \"Other IK1.\"}");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(other.body()).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(updates(admin, id)).isEqualTo(2);

        var badKey = post(admin, "/api/admin/v1/incidents/" + id + "/updates", "has space", body);
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badKey.body()).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRetriedResolveGetsItsFirstAnswerNotTheLifecyclesRefusal(Engine engine) throws Exception {
        // The key is not looked up before the request runs: the retry's step (resolved -> resolved) is refused
        // by the lifecycle before any change, and only then is the first request's answer found and replayed.
        AdminHub admin = hubs.on(engine);
        String id = IncidentLifecycleStepsTest.incidentIn(admin, "investigating");
        String key = UUID.randomUUID().toString();
        String body = "{\"body\": \"Fixed IK3.\"}";

        var first = post(admin, "/api/admin/v1/incidents/" + id + "/resolve", key, body);
        var again = post(admin, "/api/admin/v1/incidents/" + id + "/resolve", key, body);
        var unkeyed = post(admin, "/api/admin/v1/incidents/" + id + "/resolve", UUID.randomUUID().toString(), body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(unkeyed.statusCode()).as("a new key is a new request: resolving twice is refused").isEqualTo(409);
        assertThat(updates(admin, id)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRefusedRequestStoresNoAnswerSoItsRetryRunsAfresh(Engine engine) throws Exception {
        AdminHub admin = hubs.on(engine);
        String id = IncidentLifecycleStepsTest.incidentIn(admin, "investigating");
        String key = UUID.randomUUID().toString();

        assertThat(post(admin, "/api/admin/v1/incidents/" + id + "/updates", key, "{\"status\": \"identified\"}").statusCode()).isEqualTo(400);
        var fixed = post(admin, "/api/admin/v1/incidents/" + id + "/updates", key, "{\"status\": \"identified\", \"body\": \"Now with text.\"}");

        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(201);
        assertThat(updates(admin, id)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRetryAfterTheTestCutTheConnectionMidRequestStoresExactlyOneUpdate(Engine engine) throws Exception {
        AdminHub admin = hubs.on(engine);
        String id = IncidentLifecycleStepsTest.incidentIn(admin, "investigating");
        String key = UUID.randomUUID().toString();
        String path = "/api/admin/v1/incidents/" + id + "/updates";
        String body = "{\"status\": \"identified\", \"body\": \"Cut mid-request IK3.\"}";

        // The whole request goes out, then the socket closes before any answer is read.
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), admin.hub.port())) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + admin.incidentsToken
                    + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + key + "\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        }
        // The hub handles the request although nobody waits for the answer (bounded wait, not a timing check).
        for (int i = 0; i < 100 && updates(admin, id) < 2; i++) Thread.sleep(100);
        assertThat(updates(admin, id)).as("the cut request was stored").isEqualTo(2);

        var retry = post(admin, path, key, body);

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(JSON.readTree(retry.body()).get("status").asText()).isEqualTo("identified");
        assertThat(updates(admin, id)).isEqualTo(2);
        assertThat(post(admin, path, key, body).statusCode()).isEqualTo(201);
        assertThat(updates(admin, id)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theCommandLineRetriesALostWriteWithItsKeyAndTheHubStoresItOnce(Engine engine) throws Exception {
        AdminHub admin = hubs.on(engine);
        String id = IncidentLifecycleStepsTest.incidentIn(admin, "investigating");
        try (var proxy = new CuttingProxy(admin.hub.port(), 1)) {
            String[] args = {"incident", "update", id, "--status", "monitoring", "--message", "Through a flaky link IK4.",
                    "--hub", "http://127.0.0.1:" + proxy.port(), "--token", admin.incidentsToken};
            var out = new StringWriter();
            var err = new StringWriter();
            int exit = Main.commandLine(args).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Through a flaky link IK4.");
            assertThat(proxy.connections()).as("connections: the cut one and the retry").isEqualTo(2);
        }
        assertThat(updates(admin, id)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReplayedTokenCreationNeverShowsOrStoresTheSecretAgain(Engine engine) throws Exception {
        AdminHub admin = hubs.on(engine);
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"ci " + engine + "\", \"scope\": \"read\"}";

        var first = post(admin, "/api/admin/v1/tokens", key, body, admin.adminToken);
        var again = post(admin, "/api/admin/v1/tokens", key, body, admin.adminToken);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String secret = JSON.readTree(first.body()).get("token").asText();
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(again.body()).get("id").asText()).isEqualTo(JSON.readTree(first.body()).get("id").asText());
        assertThat(again.body()).doesNotContain(secret).contains("token_shown");
        String caller = admin.operator.id() + "/" + AdminHub.EMAIL + " via token root";
        assertThat(admin.hub.database().idempotencyKeys().find(caller, key).orElseThrow().body()).doesNotContain(secret);
    }

    private static HttpResponse<String> post(AdminHub admin, String path, String key, String body) throws Exception {
        return post(admin, path, key, body, admin.incidentsToken);
    }

    private static HttpResponse<String> post(AdminHub admin, String path, String key, String body, String token) throws Exception {
        return admin.http.send(HttpRequest.newBuilder(URI.create(admin.url(path))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
    private static int updates(AdminHub admin, String id) throws Exception {
        return JSON.readTree(admin.get("/api/admin/v1/incidents/" + id, admin.readToken).body()).get("updates").size();
    }

    private static int auditEntries(AdminHub admin, String id) throws Exception {
        JsonNode audit = JSON.readTree(admin.get("/api/admin/v1/audit?target=incident/" + id, admin.adminToken).body());
        return audit.size();
    }
}
