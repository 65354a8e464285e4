package io.noroshi.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Connects to the PostgreSQL of {@code --database-url} with one shared pool. */
final class PostgresServer {

    static final int POOL_SIZE = 8;
    static final int CONNECT_TIMEOUT_SECONDS = 10;
    /**
     * How long a request waits for a pooled connection: 3 s. With the server gone every new
     * connection fails, and Hikari's default (30 s) kept writes hanging that long before a 500;
     * a short wait answers 503 quickly while a merely busy pool (8 connections, writes of a few
     * milliseconds) still gets one in time.
     */
    static final long POOL_WAIT_MILLIS = 3_000;

    private PostgresServer() {
    }

    static Pools open(DatabaseSettings.Postgres settings) {
        String url = settings.jdbcUrl();
        String target = RedactedUrl.target(url);
        probe(url, target);
        var pool = Pools.pool(config -> {
            config.setPoolName("noroshi-postgresql");
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(POOL_SIZE);
            config.setConnectionTimeout(POOL_WAIT_MILLIS);
            config.setValidationTimeout(POOL_WAIT_MILLIS - 1_000);
            config.setDataSourceProperties(connectProperties());
        });
        return new Pools(Engine.POSTGRESQL, pool, pool, target);
    }

    static Properties connectProperties() {
        var properties = new Properties();
        passwordFromEnvironment(properties, System.getenv());
        // Within the pool's wait, so one attempt to an unreachable host cannot outlast it.
        properties.setProperty("connectTimeout", Integer.toString((int) (POOL_WAIT_MILLIS / 1_000)));
        properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "noroshi");
        return properties;
    }

    /**
     * PGPASSWORD, as libpq reads it, when the URL carries no password: the secret then stays out of
     * argv and the URL. (PGPASSFILE and ~/.pgpass the driver reads itself, when no password is given.)
     */
    static void passwordFromEnvironment(Properties properties, java.util.Map<String, String> env) {
        String password = env.get("PGPASSWORD");
        if (password != null && !password.isEmpty()) properties.setProperty("password", password);
    }

    /** Connects once outside the pool, so an unreachable server yields one clear message, not a pool trace. */
    private static void probe(String url, String target) {
        try (Connection connection = DriverManager.getConnection(url, connectProperties());
             var statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            throw new DatabaseException("cannot connect to PostgreSQL at " + target + ": " + e.getMessage(), e);
        }
    }
}
