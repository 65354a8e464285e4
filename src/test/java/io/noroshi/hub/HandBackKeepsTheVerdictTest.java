package io.noroshi.hub;

import static io.noroshi.monitor.HubUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.monitor.Verdict;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 3 of issue 10: handing a component back (an incident resolved with it operational, a
 * maintenance completed, an override cleared) while its monitor is DOWN shows the monitor's verdict,
 * not "operational" until the verdict changes again. A real hub, a real TCP target on loopback.
 */
class HandBackKeepsTheVerdictTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private ServerSocket target;
    private AdminHub admin;

    private void start(boolean targetUp) throws Exception {
        target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        int port = target.getLocalPort();
        if (targetUp) serve(); else target.close();
        Path config = dir.resolve("noroshi.yaml");
        Files.writeString(config, """
                page: {name: Acme}
                components:
                  - {id: web, name: Web}
                monitors:
                  - {id: web-tcp, kind: tcp, host: 127.0.0.1, port: %d, interval: 100ms, timeout: 1s, component: web}
                """.formatted(port));
        admin = new AdminHub(dir.resolve("data"), config);
    }

    private void serve() {
        Thread.ofVirtual().start(() -> {
            while (!target.isClosed()) {
                try (var ignored = target.accept()) {
                    // accept and close: the tcp probe only asks whether the port answers
                } catch (Exception e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (admin != null) admin.close();
        if (target != null) target.close();
    }

    private Verdict verdict() {
        return admin.hub.monitoring().engine().verdict("web-tcp");
    }

    private String webStatus() throws Exception {
        JsonNode summary = JSON.readTree(admin.get("/api/v2/summary.json", null).body());
        for (JsonNode c : summary.get("components")) if (c.get("name").asText().equals("Web")) return c.get("status").asText();
        throw new AssertionError("no component Web in " + summary);
    }

    private JsonNode ok(java.net.http.HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    @Test
    void resolvingAnIncidentWithTheComponentOperationalWhileItsMonitorIsDownShowsTheOutage() throws Exception {
        start(false);
        assertThat(await(WAIT, () -> verdict() == Verdict.DOWN)).isTrue();
        String id = ok(admin.post("/api/admin/v1/incidents", admin.incidentsToken, """
                {"name": "Web down", "body": "Looking into it.", "affected_components": [{"id": "web", "status": "major_outage"}]}"""))
                .get("id").asText();

        ok(admin.post("/api/admin/v1/incidents/" + id + "/resolve", admin.incidentsToken,
                "{\"affected_components\": [{\"id\": \"web\", \"status\": \"operational\"}]}"));

        assertThat(verdict()).isEqualTo(Verdict.DOWN);
        assertThat(webStatus()).as("handed back to a monitor that is DOWN").isEqualTo("major_outage");
        assertThat(admin.get("/", null).body()).doesNotContain("All Systems Operational");
    }

    @Test
    void completingAMaintenanceWhileItsMonitorIsDownShowsTheOutage() throws Exception {
        start(true);
        assertThat(await(WAIT, () -> verdict() == Verdict.UP)).isTrue();
        String id = ok(admin.post("/api/admin/v1/maintenance", admin.incidentsToken, """
                {"name": "Web upgrade", "scheduled_for": "2026-01-01T01:00:00Z", "scheduled_until": "2036-01-01T02:00:00Z",
                 "component_ids": ["web"]}""")).get("id").asText();
        ok(admin.post("/api/admin/v1/maintenance/" + id + "/start", admin.incidentsToken, ""));
        assertThat(webStatus()).isEqualTo("under_maintenance");
        target.close();
        assertThat(await(WAIT, () -> verdict() == Verdict.DOWN)).isTrue();
        assertThat(webStatus()).as("maintenance wins while it runs").isEqualTo("under_maintenance");

        ok(admin.post("/api/admin/v1/maintenance/" + id + "/complete", admin.incidentsToken, ""));

        assertThat(webStatus()).isEqualTo("major_outage");
    }

    @Test
    void clearingAnOverrideWhileTheMonitorIsDownShowsTheOutage() throws Exception {
        start(false);
        assertThat(await(WAIT, () -> verdict() == Verdict.DOWN)).isTrue();
        ok(admin.send("PUT", "/api/admin/v1/components/web/override", admin.incidentsToken, "{\"status\": \"degraded_performance\"}"));

        JsonNode cleared = ok(admin.send("DELETE", "/api/admin/v1/components/web/override", admin.incidentsToken, null));

        assertThat(cleared.get("status").asText()).isEqualTo("major_outage");
        assertThat(webStatus()).isEqualTo("major_outage");
    }
}
