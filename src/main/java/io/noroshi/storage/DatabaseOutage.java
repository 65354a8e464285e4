package io.noroshi.storage;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;

/**
 * Tells a failure that means "the database is not there" (no connection within the pool's timeout,
 * a connection cut or refused, the server shutting down or still starting) from every other one.
 * Such a failure is not a bug: it is answered 503 and logged once, as {@link DatabaseHealth} does,
 * never as a stack trace per request.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** Whether {@code failure}, or anything that caused it, is the database being unreachable. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
                if (state.startsWith("08") || state.startsWith("57P")) return true;
            }
        }
        return false;
    }

    /** The reason in one line, for the log: the innermost message, without a stack trace. */
    public static String reason(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) innermost = innermost.getCause();
        String message = innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
        return message.lines().findFirst().orElse("");
    }
}
