package io.noroshi.storage;

import io.noroshi.account.AuditLog;
import io.noroshi.audit.AuditFindingStore;
import io.noroshi.account.OperatorStore;
import io.noroshi.account.SessionStore;
import io.noroshi.account.TokenStore;
import io.noroshi.component.ComponentStateStore;
import io.noroshi.incident.IncidentStore;
import io.noroshi.incident.MaintenanceStore;
import io.noroshi.monitor.ResultStore;
import io.noroshi.retry.IdempotencyKeys;
import io.noroshi.uptime.UptimeStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open database: connection pools, an up-to-date schema and the stores on top. Open one per
 * process with {@link #open}, hand its stores to the parts that need them, and close it at shutdown.
 * The stores stay usable until then and are safe to call from many threads.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** Portable migrations, then the engine's own (Flyway has no vendor placeholder of its own: Spring Boot's {vendor} is Spring's). */
    private static String[] migrations(Engine engine) {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + engine.name().toLowerCase(Locale.ROOT)};
    }
    /** Flyway's default history table; looked for in every schema, so a miss means no history at all. */
    private static final String SCHEMA_HISTORY = "flyway_schema_history";

    private final Pools pools;
    private final Jdbi jdbi;
    private final IncidentStore incidents;
    private final MaintenanceStore maintenance;
    private final ComponentStateStore componentStates;
    private final UptimeStore uptime;
    private final ResultStore results;
    private final OperatorStore operators;
    private final TokenStore tokens;
    private final SessionStore sessions;
    private final AuditLog auditLog;
    private final AuditFindingStore auditFindings;
    private final AllOrNothing allOrNothing;
    private final IdempotencyKeys idempotencyKeys;
    private final DatabaseHealth health;
    private final HubChanges changes;
    private final Transactions transactions;
    private final io.noroshi.comms.CommsStore comms;

    private Database(Pools pools, String postgresUrl) {
        this.pools = pools;
        this.jdbi = Jdbi.create(pools.writes());
        var transactions = new Transactions(Jdbi.create(pools.reads()), jdbi, pools.engine(), new RandomIds(), new TextJson());
        this.incidents = new JdbiIncidentStore(transactions);
        this.maintenance = new JdbiMaintenanceStore(transactions);
        this.componentStates = new JdbiComponentStateStore(transactions);
        this.uptime = new JdbiUptimeStore(transactions);
        this.results = new JdbiResultStore(transactions);
        this.operators = new JdbiOperatorStore(transactions);
        this.tokens = new JdbiTokenStore(transactions);
        this.sessions = new JdbiSessionStore(transactions);
        this.auditLog = new JdbiAuditLog(transactions);
        this.auditFindings = new JdbiAuditFindingStore(transactions);
        this.allOrNothing = transactions;
        this.transactions = transactions;
        this.idempotencyKeys = new JdbiIdempotencyKeys(transactions);
        this.comms = new JdbiCommsStore(transactions);
        this.health = new DatabaseHealth(pools.where(), () -> jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1));
        if (pools.engine() == Engine.POSTGRESQL) health.watch();
        this.changes = new HubChanges(transactions, postgresUrl);
    }

    /**
     * Opens the database and brings its schema up to date (Flyway; a no-op when it already is).
     *
     * @throws DatabaseException when the file or server cannot be opened or migrated; the message
     *                           names the path or host:port/db and the reason, never a password
     */
    public static Database open(DatabaseSettings settings) {
        Pools pools = switch (settings) {
            case DatabaseSettings.Sqlite sqlite -> SqliteFile.open(sqlite);
            case DatabaseSettings.Postgres postgres -> PostgresServer.open(postgres);
        };
        try {
            migrate(pools);
            return new Database(pools, settings instanceof DatabaseSettings.Postgres postgres ? postgres.jdbcUrl() : null);
        } catch (RuntimeException e) {
            pools.close();
            throw e;
        }
    }

    private static void migrate(Pools pools) {
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(pools.writes())
                    .locations(migrations(pools.engine()))
                    // Flyway ignores migrations newer than it knows by default; an older Noroshi
                    // must not run on a schema it does not understand.
                    .ignoreMigrationPatterns(new String[0])
                    .load();
            // flyway.info() resolves and validates every migration once more before migrate() does: worth it
            // only when there is a history that a newer Noroshi could have written.
            if (hasSchemaHistory(pools)) refuseNewerSchema(pools, flyway);
            MigrateResult result = flyway.migrate();
            log.info("storage engine={} at={} migrationsApplied={} schemaVersion={}", pools.engine().name().toLowerCase(Locale.ROOT),
                    pools.where(), result.migrationsExecuted, result.targetSchemaVersion == null
                            ? result.initialSchemaVersion : result.targetSchemaVersion);
        } catch (FlywayException e) {
            // Flyway's own text ends in advice for Flyway users ("run repair"); keep its first line.
            throw new DatabaseException("cannot bring the schema of " + pools.where() + " up to date: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static boolean hasSchemaHistory(Pools pools) {
        try (Connection connection = pools.writes().getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, SCHEMA_HISTORY, new String[] {"TABLE"})) {
            return tables.next();
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the tables of " + pools.where() + ": " + e.getMessage(), e);
        }
    }

    private static void refuseNewerSchema(Pools pools, Flyway flyway) {
        Arrays.stream(flyway.info().applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .reduce((first, last) -> last)
                .ifPresent(newest -> {
                    throw new DatabaseException("the database at " + pools.where() + " has schema version "
                            + newest.getVersion() + ", written by a newer Noroshi; upgrade Noroshi or restore a backup");
                });
    }

    /** Which engine this is. */
    public Engine engine() {
        return pools.engine();
    }

    /** The Jdbi for writes, for stores other packages add; on SQLite its transactions are serialised. */
    public Jdbi jdbi() {
        return jdbi;
    }

    public IncidentStore incidents() {
        return incidents;
    }

    public MaintenanceStore maintenance() {
        return maintenance;
    }

    public ComponentStateStore componentStates() {
        return componentStates;
    }

    public UptimeStore uptime() {
        return uptime;
    }

    /** Raw check results of the monitors and their hourly aggregates. */
    public ResultStore results() {
        return results;
    }

    public OperatorStore operators() {
        return operators;
    }

    public TokenStore tokens() {
        return tokens;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    /** Findings of the scheduled live DNS audit and its latest run per domain. */
    public AuditFindingStore auditFindings() {
        return auditFindings;
    }

    /** The first answers to admin writes sent with an Idempotency-Key. */
    public IdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    /** Whether the database answers: what the log and {@code /healthz} say during an outage. */
    /** The communication feature's promises, estimates and reminders. */
    public io.noroshi.comms.CommsStore comms() {
        return comms;
    }

    public DatabaseHealth health() {
        return health;
    }

    /** Announcements of committed changes between hubs sharing one PostgreSQL (nothing on SQLite). */
    public HubChanges changes() {
        return changes;
    }

    /** Runs writes of several stores of this database as one transaction. */
    public AllOrNothing allOrNothing() {
        return allOrNothing;
    }

    /**
     * A write for stores other packages add: it joins the transaction open on this thread ({@link #allOrNothing()}),
     * so their rows commit with the change they belong to, or opens its own.
     */
    public <R> R write(org.jdbi.v3.core.HandleCallback<R, RuntimeException> work) {
        return transactions.write(work);
    }

    /** A read snapshot for stores other packages add (inside a write on this thread: that write's transaction). */
    public <R> R read(org.jdbi.v3.core.HandleCallback<R, RuntimeException> work) {
        return transactions.read(work);
    }

    /** Closes the pools; stores fail afterwards. */
    @Override
    public void close() {
        health.close();
        changes.close();
        pools.close();
    }
}
