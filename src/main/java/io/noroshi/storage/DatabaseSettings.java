package io.noroshi.storage;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where the database lives: a SQLite file in the data directory, or a PostgreSQL server. */
public sealed interface DatabaseSettings {

    /** File name of the SQLite database inside {@code --data DIR}. */
    String SQLITE_FILE_NAME = "noroshi.db";

    /** A SQLite database file; its directory is created when missing. */
    record Sqlite(Path file) implements DatabaseSettings {
        public Sqlite {
            Objects.requireNonNull(file, "file");
        }

        /** The database in {@code dataDir}, named {@value #SQLITE_FILE_NAME}. */
        public static Sqlite inDataDir(Path dataDir) {
            return new Sqlite(dataDir.resolve(SQLITE_FILE_NAME));
        }
    }

    /**
     * A PostgreSQL database.
     *
     * @param jdbcUrl {@code jdbc:postgresql://host:port/db?user=..&password=..}; may hold a secret,
     *                so show {@link #redactedUrl()} instead
     */
    record Postgres(String jdbcUrl) implements DatabaseSettings {
        public Postgres {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new DatabaseException("--database-url must start with jdbc:postgresql:// (got "
                        + RedactedUrl.of(jdbcUrl) + ")");
            }
        }

        /** The URL with user and password removed, fit for logs and error messages. */
        public String redactedUrl() {
            return RedactedUrl.of(jdbcUrl);
        }

        @Override
        public String toString() {
            return "Postgres[" + redactedUrl() + "]";
        }
    }

    /**
     * Settings from the command line: {@code --database-url} wins when given, else the SQLite file
     * in {@code --data DIR}.
     */
    static DatabaseSettings fromCommandLine(Path dataDir, Optional<String> databaseUrl) {
        return databaseUrl.filter(url -> !url.isBlank())
                .<DatabaseSettings>map(Postgres::new)
                .orElseGet(() -> Sqlite.inDataDir(dataDir));
    }
}
