package io.noroshi.storage;

import io.noroshi.monitor.HourlyResults;
import io.noroshi.monitor.MonitorResult;
import io.noroshi.monitor.ResultStore;
import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@link ResultStore} on SQLite or PostgreSQL; times in epoch milliseconds. */
final class JdbiResultStore implements ResultStore {

    private static final String INSERT = "INSERT INTO check_results (monitor_id, vantage, outcome, started_at, latency_ms, message) "
            + "VALUES (:monitor, :vantage, :outcome, :started, :latency, :message)";
    private static final long HOUR_MS = Duration.ofHours(1).toMillis();

    private final Transactions db;

    JdbiResultStore(Transactions db) {
        this.db = db;
    }

    @Override
    public void append(List<MonitorResult> results) {
        if (results.isEmpty()) return;
        db.write(handle -> insert(handle, results));
    }

    @Override
    public List<MonitorResult> appendFromAgent(String vantage, List<Sequenced> batch) {
        return db.write(handle -> {
            long last = lastSequence(handle, vantage);
            var fresh = new ArrayList<MonitorResult>();
            long highest = last;
            for (Sequenced s : batch) {
                if (s.sequence() <= highest) continue; // already stored, or out of order within the batch
                // A number far ahead would make the agent's real results below it look already stored.
                if (s.sequence() != highest + 1) throw new ResultStore.SequenceGap(highest + 1, s.sequence());
                if (s.result() != null) fresh.add(s.result());
                highest = s.sequence();
            }
            if (highest == last) return List.<MonitorResult>of();
            if (!fresh.isEmpty()) insert(handle, fresh);
            handle.createUpdate("INSERT INTO agent_cursors (vantage, last_sequence) VALUES (:vantage, :seq) "
                            + "ON CONFLICT (vantage) DO UPDATE SET last_sequence = excluded.last_sequence")
                    .bind("vantage", vantage).bind("seq", highest).execute();
            return List.copyOf(fresh);
        });
    }

    @Override
    public long lastSequence(String vantage) {
        return db.read(handle -> lastSequence(handle, vantage));
    }

    @Override
    public List<MonitorResult> between(String monitorId, Instant from, Instant to) {
        return db.read(handle -> handle.createQuery("SELECT monitor_id, vantage, outcome, started_at, latency_ms, message "
                        + "FROM check_results WHERE monitor_id = :monitor AND started_at >= :from AND started_at < :to "
                        + "ORDER BY started_at, vantage")
                .bind("monitor", monitorId).bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                .map((rs, ctx) -> new MonitorResult(rs.getString("monitor_id"), rs.getString("vantage"),
                        new CheckResult(CheckOutcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)),
                                Instant.ofEpochMilli(rs.getLong("started_at")), Duration.ofMillis(rs.getLong("latency_ms")),
                                rs.getString("message"))))
                .list());
    }

    @Override
    public int compactBefore(Instant cutoff) {
        long hourAligned = cutoff.toEpochMilli() / HOUR_MS * HOUR_MS;
        return db.write(handle -> {
            // "WHERE ... GROUP BY" before ON CONFLICT keeps SQLite's parser from reading ON as a join.
            handle.createUpdate("INSERT INTO check_results_hourly (monitor_id, vantage, hour, up, degraded, down, "
                            + "latency_ms_sum, latency_ms_max) "
                            + "SELECT monitor_id, vantage, (started_at / " + HOUR_MS + ") * " + HOUR_MS + ", "
                            + "SUM(CASE WHEN outcome = 'up' THEN 1 ELSE 0 END), SUM(CASE WHEN outcome = 'degraded' THEN 1 ELSE 0 END), "
                            + "SUM(CASE WHEN outcome = 'down' THEN 1 ELSE 0 END), SUM(latency_ms), MAX(latency_ms) "
                            + "FROM check_results WHERE started_at < :cutoff GROUP BY monitor_id, vantage, (started_at / " + HOUR_MS + ") "
                            + "ON CONFLICT (monitor_id, vantage, hour) DO UPDATE SET up = check_results_hourly.up + excluded.up, "
                            + "degraded = check_results_hourly.degraded + excluded.degraded, "
                            + "down = check_results_hourly.down + excluded.down, "
                            + "latency_ms_sum = check_results_hourly.latency_ms_sum + excluded.latency_ms_sum, "
                            + "latency_ms_max = CASE WHEN excluded.latency_ms_max > check_results_hourly.latency_ms_max "
                            + "THEN excluded.latency_ms_max ELSE check_results_hourly.latency_ms_max END")
                    .bind("cutoff", hourAligned).execute();
            return handle.createUpdate("DELETE FROM check_results WHERE started_at < :cutoff").bind("cutoff", hourAligned).execute();
        });
    }

    @Override
    public List<HourlyResults> hourly(String monitorId, Instant from) {
        return db.read(handle -> handle.createQuery("SELECT monitor_id, vantage, hour, up, degraded, down, latency_ms_sum, "
                        + "latency_ms_max FROM check_results_hourly WHERE monitor_id = :monitor AND hour >= :from ORDER BY hour, vantage")
                .bind("monitor", monitorId).bind("from", from.toEpochMilli())
                .map((rs, ctx) -> new HourlyResults(rs.getString("monitor_id"), rs.getString("vantage"),
                        Instant.ofEpochMilli(rs.getLong("hour")), rs.getLong("up"), rs.getLong("degraded"), rs.getLong("down"),
                        rs.getLong("latency_ms_sum"), rs.getLong("latency_ms_max")))
                .list());
    }

    private static long lastSequence(Handle handle, String vantage) {
        return handle.createQuery("SELECT last_sequence FROM agent_cursors WHERE vantage = :vantage")
                .bind("vantage", vantage).mapTo(Long.class).findOne().orElse(0L);
    }

    private static Void insert(Handle handle, List<MonitorResult> results) {
        PreparedBatch batch = handle.prepareBatch(INSERT);
        for (MonitorResult r : results) {
            batch.bind("monitor", r.monitorId()).bind("vantage", r.vantage())
                    .bind("outcome", r.result().outcome().name().toLowerCase(Locale.ROOT))
                    .bind("started", r.result().startedAt().toEpochMilli())
                    .bind("latency", r.result().latency().toMillis())
                    .bind("message", r.result().message())
                    .add();
        }
        batch.execute();
        return null;
    }
}
