package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write the public page cannot show yet must not be answered as if it could: when the render
 * after it fails, the write answers 503 saying the change is stored but not public, the admin
 * pages say the public page is behind, and the retried render publishes the change once it can.
 */
class PublishFailureTest {

    @TempDir
    Path dir;

    @Test
    void aWriteWhoseRenderFailsAnswersAnErrorAndTheNextSuccessfulRenderPublishesIt() throws Exception {
        try (var admin = new AdminHub(dir)) {
            var jdbi = admin.hub.database().jdbi();
            String victim = admin.hub.database().incidents().history(0, 1).getFirst().id();
            String good = jdbi.withHandle(h -> h.createQuery("SELECT body FROM incident_updates WHERE incident_id = :id AND seq = 1")
                    .bind("id", victim).mapTo(String.class).one());
            // A stored text the renderer cannot read, and the incident's row changed as another hub's write would
            // change it, so the next render reads the incident again instead of reusing what it read before.
            jdbi.useHandle(h -> {
                h.createUpdate("UPDATE incident_updates SET body = 'not json' WHERE incident_id = :id AND seq = 1").bind("id", victim).execute();
                h.createUpdate("UPDATE incidents SET last_seq = last_seq + 1 WHERE id = :id").bind("id", victim).execute();
            });

            var written = admin.post("/api/admin/v1/incidents", admin.incidentsToken,
                    "{\"name\":\"Relay queue stuck\",\"body\":\"We are looking into it.\",\"impact\":\"minor\",\"notify\":false}");

            assertThat(written.statusCode()).as(written.body()).isEqualTo(503);
            assertThat(written.body()).contains("\"error\":\"not_yet_public\"").contains("\"stored\":true")
                    .contains("stored but not yet public");
            assertThat(admin.get("/api/v2/summary.json", null).body()).doesNotContain("Relay queue stuck");
            assertThat(admin.hub.database().incidents().history(0, 1).getFirst().name().in("en")).as("the change is stored")
                    .isEqualTo("Relay queue stuck");
            String session = admin.login();
            assertThat(admin.page("/admin/components", session).body()).contains("The public status page is behind");

            jdbi.useHandle(h -> h.createUpdate("UPDATE incident_updates SET body = :body WHERE incident_id = :id AND seq = 1")
                    .bind("body", good).bind("id", victim).execute());

            // Retries back off from one second; nothing else writes, so only a retry can publish it.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            String summary = "";
            while (Instant.now().isBefore(deadline) && !summary.contains("Relay queue stuck")) {
                Thread.sleep(200);
                summary = admin.get("/api/v2/summary.json", null).body();
            }
            assertThat(summary).as("published by a retry").contains("Relay queue stuck");
            assertThat(admin.hub.publisher().failure()).isEmpty();
            assertThat(admin.page("/admin/components", session).body()).doesNotContain("The public status page is behind");
        }
    }
}
