package io.noroshi.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several hubs on one PostgreSQL: a committed change on one hub tells the others, which re-render
 * at once instead of at their next idle refresh. {@link #announce} sends a NOTIFY inside the
 * change's own transaction (PostgreSQL delivers it only when that commits); {@link #listen} keeps
 * one connection of its own LISTENing and calls back on every other hub's announcement. On SQLite
 * both do nothing: one file has one hub (see {@link HubFileLock}).
 */
public final class HubChanges implements AutoCloseable {

    static final String CHANNEL = "noroshi_changes";
    /** How long a wait for notifications lasts before the listener checks whether it was closed. */
    private static final int POLL_MILLIS = 250;
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(HubChanges.class);

    private final Transactions db;
    private final String url;
    private final String hubId = UUID.randomUUID().toString().replace("-", "");
    private volatile boolean closed;
    private Thread listener;

    /** @param url the PostgreSQL URL to listen on, null on SQLite */
    HubChanges(Transactions db, String url) {
        this.db = db;
        this.url = url;
    }

    /** Tells the other hubs, when the calling write commits (or at once outside one). */
    public void announce() {
        if (url == null) return;
        // NOTIFY takes no bind parameters; the payload is this hub's own hex id.
        db.write(handle -> handle.execute("NOTIFY " + CHANNEL + ", '" + hubId + "'"));
    }

    /** Calls {@code onChange} (on a thread of its own) whenever another hub announces a change. */
    public synchronized void listen(Runnable onChange) {
        if (url == null || listener != null) return;
        listener = Thread.ofVirtual().name("hub-changes").start(() -> listenUntilClosed(onChange));
    }

    private void listenUntilClosed(Runnable onChange) {
        boolean reconnect = false;
        while (!closed) {
            try (Connection connection = DriverManager.getConnection(url, PostgresServer.connectProperties());
                 var statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                // Changes made while this hub was not listening were never announced to it.
                if (reconnect) onChange.run();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && fromAnotherHub(notifications)) onChange.run();
                }
            } catch (SQLException e) {
                // An outage: DatabaseHealth logs it once; listen again when the server is back.
                if (!DatabaseOutage.isOutage(e) && !closed) log.warn("hub changes listener failed error={}", DatabaseOutage.reason(e));
                reconnect = true;
                try {
                    Thread.sleep(RECONNECT_PAUSE);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private boolean fromAnotherHub(PGNotification[] notifications) {
        for (PGNotification notification : notifications) {
            if (!hubId.equals(notification.getParameter())) return true;
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
    }
}
