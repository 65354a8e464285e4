package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noroshi.component.ComponentState;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Text;
import io.noroshi.incident.AffectedComponent;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore.NewUpdate;
import io.noroshi.mirror.HistoryExport;
import io.noroshi.mirror.JdbiHistoryStore;
import io.noroshi.mirror.MirrorException;
import io.noroshi.uptime.DailyUptime;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The restore export (io.noroshi.mirror.JdbiHistoryStore) on SQLite and PostgreSQL alike: a database
 * restored from another's export exports the very same bytes, the fingerprint follows writes, and a
 * database that holds history refuses a restore.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class HistoryStoreContractTest extends StoreContract {

    HistoryStoreContractTest(Engine engine) {
        super(engine);
    }

    @Test
    void aRestoredDatabaseExportsTheSameBytes() {
        var store = new JdbiHistoryStore(db().jdbi());
        String empty = store.fingerprint();
        var incident = db().incidents().open(Text.of("Mail delayed", "メール遅延"), Impact.MAJOR, new NewUpdate(IncidentStatus.INVESTIGATING,
                Text.of("Looking", "調査中"), at(0), List.of(new AffectedComponent("mail", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE))));
        db().incidents().addUpdate(incident.id(), new NewUpdate(IncidentStatus.RESOLVED, Text.of("Fixed"), at(600),
                List.of(new AffectedComponent("mail", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL))));
        db().incidents().attachPostmortem(incident.id(), Text.of("A disk filled up."), at(900));
        db().maintenance().schedule(Text.of("Router swap"), Impact.MINOR, at(3600), at(7200), List.of("web", "mail"), Text.of("Short blips."), at(60));
        db().componentStates().put(new ComponentState("web", ComponentStatus.DEGRADED_PERFORMANCE, at(30), true, false));
        db().componentStates().put(new ComponentState("mail", ComponentStatus.OPERATIONAL, at(600), false, true));
        db().uptime().put(new DailyUptime("mail", LocalDate.of(2026, 3, 1), 80_000, 0, 6_400, 0));
        String filled = store.fingerprint();
        assertThat(filled).isNotEqualTo(empty);

        HistoryExport export = store.read();
        byte[] json = export.toJson();
        assertThat(export.tables()).containsOnlyKeys(HistoryExport.TABLES.keySet())
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isNotEmpty());

        try (FreshDatabase standby = FreshDatabase.open(engine, tempDir.resolve("standby"))) {
            var restored = new JdbiHistoryStore(standby.db().jdbi());
            restored.restore(HistoryExport.parse("test", json));
            assertThat(restored.read().toJson()).isEqualTo(json);
            assertThat(restored.fingerprint()).isEqualTo(filled);
            assertThat(standby.db().incidents().find(incident.id())).contains(db().incidents().find(incident.id()).orElseThrow());
            assertThat(standby.db().componentStates().all()).isEqualTo(db().componentStates().all());
            assertThatThrownBy(() -> restored.restore(export)).isInstanceOf(MirrorException.class).hasMessageContaining("already holds");
        }

        db().uptime().put(new DailyUptime("mail", LocalDate.of(2026, 3, 1), 80_000, 6_400, 0, 0));
        assertThat(store.fingerprint()).as("uptime seconds moved between kinds").isNotEqualTo(filled);
    }
}
