package io.noroshi.monitor;

import io.noroshi.storage.DatabaseOutage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the hub's own results in batches: one write per {@link #flush()} instead of one per check,
 * which keeps thousands of checks a minute cheap on SQLite. Results not yet flushed are lost with
 * the process; their verdicts were already judged.
 */
public final class ResultRecorder {

    private static final Logger log = LoggerFactory.getLogger(ResultRecorder.class);
    private static final int MAX_BATCH = 5_000;

    private final ResultStore store;
    private final ConcurrentLinkedQueue<MonitorResult> pending = new ConcurrentLinkedQueue<>();

    public ResultRecorder(ResultStore store) {
        this.store = store;
    }

    public void record(MonitorResult result) {
        pending.add(result);
    }

    /** Writes everything queued so far; called by a timer and at shutdown. */
    public synchronized void flush() {
        while (!pending.isEmpty()) {
            List<MonitorResult> batch = new ArrayList<>();
            MonitorResult next;
            while (batch.size() < MAX_BATCH && (next = pending.poll()) != null) batch.add(next);
            try {
                store.append(batch);
            } catch (RuntimeException e) {
                // During a database outage (logged once by storage.DatabaseHealth) a line per batch would flood the log.
                if (DatabaseOutage.isOutage(e)) log.debug("results store unavailable dropped={}", batch.size());
                else log.warn("results store failed dropped={} error={}", batch.size(), e.getMessage());
                return;
            }
        }
    }
}
