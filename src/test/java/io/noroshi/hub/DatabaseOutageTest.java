package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.testing.PrivatePostgres;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL stopped and started under a running hub (a private server the test owns): writes are
 * refused with 503 and Retry-After, the public page keeps serving, /healthz says the database is
 * down, the command line says so with its own exit code, the log says it once each way without a
 * stack trace, and writes succeed again once the server is back.
 */
class DatabaseOutageTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anOutageIsReportedAsOneAndWritesResumeWhenTheDatabaseReturns(@TempDir Path data) throws Exception {
        var log = new ListAppender<ILoggingEvent>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        // The "back" line is INFO, below the tests' WARN: let it through for this test.
        Logger healthLog = (Logger) LoggerFactory.getLogger(io.noroshi.storage.DatabaseHealth.class);
        Level healthLevel = healthLog.getLevel();
        healthLog.setLevel(Level.INFO);
        log.start();
        root.addAppender(log);
        try (var postgres = PrivatePostgres.start(); var admin = AdminHub.on(data, postgres.jdbcUrl("postgres"))) {
            String id = IncidentLifecycleStepsTest.incidentIn(admin, "investigating");
            int logged = log.list.size();

            postgres.stop();
            long started = System.nanoTime();
            // A bound, not a timing assertion: before this work the write hung for 30 s and then answered 500.
            var refused = post(admin, "/api/admin/v1/incidents/" + id + "/updates", "{\"status\": \"identified\", \"body\": \"During the outage.\"}");
            System.out.printf("DatabaseOutageTest: the write during the outage was answered in %d ms%n", (System.nanoTime() - started) / 1_000_000);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("database_unavailable");
            var page = admin.get("/api/v2/summary.json", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Lifecycle investigating");
            var health = admin.get("/healthz", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).get("database").asText()).isEqualTo("down");

            var cli = IncidentLifecycleStepsTest.cli(admin, "incident", "update", id, "--status", "identified", "--message", "From the CLI.");
            assertThat(cli.exit()).as(cli.err()).isEqualTo(3);
            assertThat(cli.err()).contains("the hub's database is unavailable");

            postgres.startAgain();
            HttpResponse<String> resumed = null;
            for (int i = 0; i < 40 && (resumed == null || resumed.statusCode() != 201); i++) {
                if (resumed != null) Thread.sleep(250);
                resumed = post(admin, "/api/admin/v1/incidents/" + id + "/updates", "{\"status\": \"identified\", \"body\": \"Back again.\"}");
            }
            assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(201);
            JsonNode incident = JSON.readTree(admin.get("/api/admin/v1/incidents/" + id, admin.readToken).body());
            assertThat(incident.get("updates")).extracting(u -> u.get("body").get("*").asText())
                    .containsExactly("Looking into it.", "Back again.");
            String databaseNow = "down";
            for (int i = 0; i < 40 && databaseNow.equals("down"); i++) {
                Thread.sleep(250);
                databaseNow = JSON.readTree(admin.get("/healthz", null).body()).get("database").asText();
            }
            assertThat(databaseNow).isEqualTo("up");

            List<ILoggingEvent> during = List.copyOf(log.list.subList(logged, log.list.size()));
            assertThat(during).filteredOn(e -> e.getFormattedMessage().startsWith("storage database down")).hasSize(1);
            assertThat(during).filteredOn(e -> e.getFormattedMessage().startsWith("storage database back")).hasSize(1);
            assertThat(during).as("log lines with a stack trace").filteredOn(e -> e.getThrowableProxy() != null)
                    .extracting(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).isEmpty();
            assertThat(during).as("errors and warnings").filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .extracting(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).hasSize(1);
        } finally {
            root.detachAppender(log);
            healthLog.setLevel(healthLevel);
        }
    }

    private static HttpResponse<String> post(AdminHub admin, String path, String body) throws Exception {
        return admin.http.send(HttpRequest.newBuilder(URI.create(admin.url(path))).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + admin.incidentsToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
