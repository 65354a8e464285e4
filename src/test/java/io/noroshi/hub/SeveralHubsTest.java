package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noroshi.cli.Main;
import io.noroshi.storage.DatabaseException;
import io.noroshi.storage.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two hubs on one PostgreSQL see each other's changes at once; two hubs on one SQLite file are refused. */
class SeveralHubsTest {

    @Test
    void aWriteOnOneHubShowsInTheOthersSummaryWithoutWaitingForItsIdleRefresh(@TempDir Path data) throws Exception {
        TestPostgres.assumeEnabled();
        String database = TestPostgres.createDatabase();
        try (var first = AdminHub.on(data.resolve("a"), TestPostgres.urlOf(database));
             var second = AdminHub.on(data.resolve("b"), TestPostgres.urlOf(database))) {
            assertThat(second.get("/api/v2/summary.json", null).body()).doesNotContain("Seen elsewhere SH1");

            long started = System.nanoTime();
            var opened = first.post("/api/admin/v1/incidents", first.incidentsToken, "{\"name\": \"Seen elsewhere SH1\", \"body\": \"x\"}");
            assertThat(opened.statusCode()).isEqualTo(201);
            // Bounded wait, far below the idle refresh (60 s) that was the only way across before.
            boolean shown = false;
            for (int i = 0; i < 200 && !shown; i++) {
                shown = second.get("/api/v2/summary.json", null).body().contains("Seen elsewhere SH1");
                if (!shown) Thread.sleep(50);
            }
            System.out.printf("SeveralHubsTest: the other hub showed the write %d ms after it was sent%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(shown).as("the second hub's summary.json shows the first hub's write").isTrue();
        } finally {
            TestPostgres.dropDatabase(database);
        }
    }

    @Test
    void aSecondHubOnOneSqliteFileRefusesToStartNamingTheFileAndTheFirstHub(@TempDir Path data) {
        long pid = ProcessHandle.current().pid();
        try (var first = Hub.start(new HubOptions(null, true, "127.0.0.1", 0, data, null), Clock.systemUTC())) {
            assertThatThrownBy(() -> Hub.start(new HubOptions(null, true, "127.0.0.1", 0, data, null), Clock.systemUTC()))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining(data.resolve("noroshi.db").toAbsolutePath().toString())
                    .hasMessageContaining("in use by another Noroshi hub (PID " + pid);

            String[] args = {"serve", "--demo", "--port", "0", "--data", data.toString()};
            var err = new StringWriter();
            int exit = Main.commandLine(args).setErr(new PrintWriter(err)).execute(args);
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("noroshi serve: the database ").contains("PID " + pid);
        }
        // Released with the first hub: the next one starts.
        try (var again = Hub.start(new HubOptions(null, true, "127.0.0.1", 0, data, null), Clock.systemUTC())) {
            assertThat(again.port()).isPositive();
        }
    }
}
