package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore.NewUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A restart opens the same database: data stays, migrations already applied are not run again. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class ReopeningDatabaseTest extends StoreContract {

    ReopeningDatabaseTest(Engine engine) {
        super(engine);
    }

    @Test
    void reopeningKeepsTheDataAndReRunningMigrationsChangesNothing() {
        Incident incident = db().incidents().open(Text.of("SAN", "SAN障害"), Impact.CRITICAL,
                new NewUpdate(IncidentStatus.INVESTIGATING, Text.of("looking"), T0, List.of()));
        List<String> appliedBefore = appliedMigrations(db());

        Database reopened = fresh.reopen();

        assertThat(appliedBefore).isNotEmpty().allMatch(m -> m.endsWith(":true"));
        assertThat(appliedMigrations(reopened)).isEqualTo(appliedBefore);
        assertThat(reopened.incidents().find(incident.id())).contains(incident);
        assertThat(reopened.engine()).isEqualTo(engine);
    }

    private static List<String> appliedMigrations(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT version, installed_rank, success FROM flyway_schema_history ORDER BY installed_rank")
                .map((rs, ctx) -> rs.getString("version") + ":" + rs.getInt("installed_rank") + ":" + rs.getBoolean("success"))
                .list());
    }
}
