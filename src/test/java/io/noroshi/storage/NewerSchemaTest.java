package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A database migrated by a newer Noroshi is refused, not half-understood, by an older one. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class NewerSchemaTest extends StoreContract {

    NewerSchemaTest(Engine engine) {
        super(engine);
    }

    @Test
    void aMigrationThisVersionDoesNotKnowStopsTheOpen() {
        db().jdbi().useHandle(h -> h.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, "
                + "script, checksum, installed_by, installed_on, execution_time, success) "
                + "VALUES (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'test', CURRENT_TIMESTAMP, 1, "
                + (engine == Engine.SQLITE ? "1" : "true") + ")"));

        assertThatThrownBy(fresh::reopen)
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("has schema version 999")
                .hasMessageContaining("written by a newer Noroshi; upgrade Noroshi or restore a backup");
    }
}
