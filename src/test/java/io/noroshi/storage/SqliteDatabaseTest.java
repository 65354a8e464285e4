package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite file has: its pragmas, its directory and the messages when it cannot be opened. */
class SqliteDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void writeConnectionUsesWalForeignKeysNormalSyncAndABusyTimeout() {
        try (Database db = Database.open(DatabaseSettings.Sqlite.inDataDir(dataDir))) {
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(db, "synchronous")).isEqualTo("1");
            assertThat(pragma(db, "busy_timeout")).isEqualTo(Integer.toString(SqliteFile.BUSY_TIMEOUT_MILLIS));
            assertThat(db.engine()).isEqualTo(Engine.SQLITE);
        }
        assertThat(dataDir.resolve("noroshi.db")).isRegularFile();
    }

    @Test
    void createsAMissingDataDirectory() {
        Path nested = dataDir.resolve("var/lib/noroshi");

        try (Database db = Database.open(DatabaseSettings.Sqlite.inDataDir(nested))) {
            assertThat(db.incidents().count()).isZero();
        }
        assertThat(nested.resolve("noroshi.db")).isRegularFile();
    }

    @Test
    void aDataDirectoryThatIsAFileGivesAClearMessage() throws Exception {
        Path notADirectory = Files.writeString(dataDir.resolve("data"), "a file, not a directory");

        assertThatThrownBy(() -> Database.open(DatabaseSettings.Sqlite.inDataDir(notADirectory)))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot open database at " + notADirectory.resolve("noroshi.db").toAbsolutePath())
                .hasMessageContaining("cannot create directory " + notADirectory.toAbsolutePath());
    }

    @Test
    void aFileThatIsNotADatabaseGivesAClearMessage() throws Exception {
        Path file = dataDir.resolve("noroshi.db");
        Files.writeString(file, "This is not a SQLite database, but it is long enough to have a header. ".repeat(20));

        assertThatThrownBy(() -> Database.open(new DatabaseSettings.Sqlite(file)))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot open database at " + file.toAbsolutePath() + ": ")
                .hasMessageContaining("not a database");
    }

    @Test
    void commandLineUsesTheDataDirectoryUnlessADatabaseUrlIsGiven() {
        assertThat(DatabaseSettings.fromCommandLine(dataDir, java.util.Optional.empty()))
                .isEqualTo(new DatabaseSettings.Sqlite(dataDir.resolve("noroshi.db")));
        assertThat(DatabaseSettings.fromCommandLine(dataDir, java.util.Optional.of(" ")))
                .isEqualTo(new DatabaseSettings.Sqlite(dataDir.resolve("noroshi.db")));
        assertThat(DatabaseSettings.fromCommandLine(dataDir, java.util.Optional.of("jdbc:postgresql://db:5432/noroshi")))
                .isEqualTo(new DatabaseSettings.Postgres("jdbc:postgresql://db:5432/noroshi"));
    }

    private static String pragma(Database db, String name) {
        return db.jdbi().withHandle(h -> h.createQuery("PRAGMA " + name).mapTo(String.class).one());
    }
}
