package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.config.Text;
import io.noroshi.incident.MaintenanceStatus;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite rebuild of the maintenance table (V40) keeps every window, component and update of an older file. */
class MaintenanceCancelledMigrationTest {

    @Test
    void anOlderSqliteFileKeepsItsMaintenanceAndCanCancel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("noroshi.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
                .target("30").load().migrate();
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.execute("INSERT INTO maintenance VALUES ('m00000000001', '{\"en\":\"Old window\"}', 'scheduled', 'minor', 1000, 2000, 10, 10, 1)");
            statement.execute("INSERT INTO maintenance_components VALUES ('m00000000001', 0, 'mail'), ('m00000000001', 1, 'web')");
            statement.execute("INSERT INTO maintenance_updates VALUES ('u00000000001', 'm00000000001', 1, 'scheduled', '{\"en\":\"Announced\"}', 10)");
        }

        try (Database db = Database.open(DatabaseSettings.Sqlite.inDataDir(dir))) {
            var kept = db.maintenance().find("m00000000001").orElseThrow();
            assertThat(kept.name()).isEqualTo(new Text(java.util.Map.of("en", "Old window")));
            assertThat(kept.componentIds()).containsExactly("mail", "web");
            assertThat(kept.updates()).singleElement().satisfies(u -> assertThat(u.body()).isEqualTo(new Text(java.util.Map.of("en", "Announced"))));

            var cancelled = db.maintenance().addUpdate("m00000000001", MaintenanceStatus.CANCELLED, Text.of("Off"), Instant.ofEpochMilli(20));
            assertThat(cancelled.orElseThrow().status()).isEqualTo(MaintenanceStatus.CANCELLED);
        }
    }
}
