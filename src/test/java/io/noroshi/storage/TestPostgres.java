package io.noroshi.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL the contract tests run against: {@code NOROSHI_TEST_PG_URL}, else a local postgres.
 * Unreachable means failure, not a silent skip, unless {@code NOROSHI_TEST_PG=skip} says so.
 */
public final class TestPostgres {

    static final String URL_VARIABLE = "NOROSHI_TEST_PG_URL";
    static final String SKIP_VARIABLE = "NOROSHI_TEST_PG";
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private TestPostgres() {
    }

    /** True when PostgreSQL tests were explicitly switched off. */
    public static boolean skipped() {
        return "skip".equalsIgnoreCase(System.getenv(SKIP_VARIABLE));
    }

    /** Aborts the current JUnit test when PostgreSQL tests are switched off. */
    public static void assumeEnabled() {
        Assumptions.assumeFalse(skipped(), SKIP_VARIABLE + "=skip: PostgreSQL contract tests switched off");
    }

    public static String adminUrl() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    /** Creates an empty database with a unique name; returns its name. */
    public static String createDatabase() {
        String name = "noroshi_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name);
        return name;
    }

    public static void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** The admin URL pointed at database {@code name} instead. */
    public static String urlOf(String name) {
        String url = adminUrl();
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL for the contract tests is not usable at "
                    + RedactedUrl.of(adminUrl()) + " (" + (System.getenv(URL_VARIABLE) == null ? URL_VARIABLE + " unset, "
                    + "tried the default" : "from " + URL_VARIABLE) + "): " + e.getMessage().replaceAll("\\.$", "")
                    + ". Start one with `sudo scripts/test-postgres.sh` and export " + URL_VARIABLE
                    + " to the URL it prints, or set " + SKIP_VARIABLE + "=skip to run SQLite only.", e);
        }
    }
}
