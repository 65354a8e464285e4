package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code noroshi incident|maintenance|token} against a real hub over loopback HTTP. */
class IncidentCliTest {

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

    record Run(int exit, String out, String err) {
    }

    static Run noroshi(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = Main.commandLine(args).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Run withHub(String token, String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--hub", admin.url(""), "--token", token));
        return noroshi(all.toArray(String[]::new));
    }

    @Test
    void wholeIncidentLifecycleFromTheCommandLine() {
        var opened = withHub(admin.incidentsToken, "incident", "open", "--name", "Web down CLI1", "--name-ja", "ウェブ停止 CLI1",
                "--impact", "major", "--message", "Investigating CLI1", "--component", "web-hosting=major_outage");
        assertThat(opened.exit()).as(opened.err()).isZero();
        var matcher = Pattern.compile("^([a-z0-9]{12}) ").matcher(opened.out());
        assertThat(matcher.find()).as(opened.out()).isTrue();
        String id = matcher.group(1);
        assertThat(admin.get("/api/v2/summary.json", null).body()).contains("Web down CLI1").contains("major_outage");

        var updated = withHub(admin.incidentsToken, "incident", "update", id, "--status", "monitoring", "--message", "Fix deployed CLI1",
                "--message-ja", "修正を適用 CLI1");
        assertThat(updated.exit()).as(updated.err()).isZero();
        assertThat(updated.out()).contains("monitoring").contains("Fix deployed CLI1");

        var listed = withHub(admin.readToken, "incident", "list", "--state", "open");
        assertThat(listed.exit()).isZero();
        assertThat(listed.out()).contains(id).contains("Web down CLI1");

        var resolved = withHub(admin.incidentsToken, "incident", "resolve", id, "--component", "web-hosting=operational");
        assertThat(resolved.exit()).as(resolved.err()).isZero();
        assertThat(resolved.out()).contains("resolved");
        assertThat(admin.get("/api/v2/summary.json", null).body()).doesNotContain("Web down CLI1");

        var json = withHub(admin.readToken, "incident", "show", id, "--json");
        assertThat(json.out()).contains("\"status\" : \"resolved\"");
    }

    @Test
    void maintenanceFromTheCommandLine() {
        var scheduled = withHub(admin.incidentsToken, "maintenance", "schedule", "--name", "Mail move CLI2",
                "--from", "2031-01-01T00:00:00Z", "--until", "2031-01-01T01:00:00Z", "--component", "mail");
        assertThat(scheduled.exit()).as(scheduled.err()).isZero();
        String id = scheduled.out().substring(0, 12);
        assertThat(withHub(admin.incidentsToken, "maintenance", "start", id).out()).contains("in_progress");
        assertThat(withHub(admin.incidentsToken, "maintenance", "complete", id).out()).contains("completed");
        var again = withHub(admin.incidentsToken, "maintenance", "cancel", id);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("HTTP 409").contains("it is completed");
    }

    @Test
    void refusedRequestsExitOneWithTheServersMessageAndField() {
        var wrongScope = withHub(admin.readToken, "incident", "open", "--name", "x", "--message", "y");
        assertThat(wrongScope.exit()).isEqualTo(1);
        assertThat(wrongScope.err()).contains("HTTP 403").contains("needs incidents");

        var badComponent = withHub(admin.incidentsToken, "incident", "open", "--name", "x", "--message", "y", "--component", "mail=sideways");
        assertThat(badComponent.exit()).isEqualTo(1);
        assertThat(badComponent.err()).contains("HTTP 400").contains("affected_components[0].status");

        var unknown = withHub(admin.incidentsToken, "incident", "update", "nosuchid0000", "--status", "monitoring", "--message", "m");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("HTTP 404");
    }

    @Test
    void unreachableHubExitsTwoNamingTheUrl() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var run = noroshi("incident", "list", "--hub", "http://127.0.0.1:" + port, "--token", admin.readToken);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot reach the hub at http://127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void adminCreateAndAdminTokenWorkOnTheDatabaseOfTheRunningHub() {
        var original = System.in;
        Run created;
        System.setIn(new java.io.ByteArrayInputStream("another long password\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            created = noroshi("admin", "create", "--data", data.toString(), "--email", "Second@Example.com");
        } finally {
            System.setIn(original);
        }
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("created operator second@example.com");
        var operator = admin.hub.database().operators().findByEmail("second@example.com").orElseThrow();
        assertThat(operator.passwordHash()).startsWith("$argon2id$").doesNotContain("another long password");

        var token = noroshi("admin", "token", "--data", data.toString(), "--email", "second@example.com", "--name", "boot", "--scope", "read");
        assertThat(token.exit()).as(token.err()).isZero();
        String secret = token.out().strip();
        assertThat(admin.get("/api/admin/v1/incidents", secret).statusCode()).isEqualTo(200);
        assertThat(admin.hub.database().auditLog().recent("operator/" + operator.id(), 5))
                .anySatisfy(e -> assertThat(e.actor()).isEqualTo("command line (noroshi admin create)"));

        var duplicate = noroshi("admin", "token", "--data", data.toString(), "--email", "nobody@example.com", "--name", "x");
        assertThat(duplicate.exit()).isEqualTo(1);
        assertThat(duplicate.err()).contains("no operator with email nobody@example.com");
    }

    @Test
    void tokenCreatedFromTheCommandLineIsPrintedOnceAndWorks() {
        var created = withHub(admin.adminToken, "token", "create", "--name", "script", "--scope", "read");
        assertThat(created.exit()).as(created.err()).isZero();
        String secret = created.out().lines().findFirst().orElseThrow();
        assertThat(secret).startsWith("nrs_");
        assertThat(admin.get("/api/admin/v1/incidents", secret).statusCode()).isEqualTo(200);
        var listed = withHub(admin.adminToken, "token", "list");
        assertThat(listed.out()).contains("script").doesNotContain(secret);
    }
}
