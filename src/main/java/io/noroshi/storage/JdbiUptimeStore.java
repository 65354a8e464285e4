package io.noroshi.storage;

import io.noroshi.uptime.DailyUptime;
import io.noroshi.uptime.UptimeStore;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** {@link UptimeStore} on SQLite or PostgreSQL; days are stored as ISO dates (YYYY-MM-DD). */
final class JdbiUptimeStore implements UptimeStore {

    private static final String UPSERT = "INSERT INTO daily_uptime (component_id, day, operational_seconds, "
            + "degraded_seconds, outage_seconds, maintenance_seconds) "
            + "VALUES (:component, :day, :operational, :degraded, :outage, :maintenance) "
            + "ON CONFLICT (component_id, day) DO UPDATE SET operational_seconds = excluded.operational_seconds, "
            + "degraded_seconds = excluded.degraded_seconds, outage_seconds = excluded.outage_seconds, "
            + "maintenance_seconds = excluded.maintenance_seconds";

    private final Transactions db;
    private final AtomicLong writes = new AtomicLong();

    JdbiUptimeStore(Transactions db) {
        this.db = db;
    }

    @Override
    public void put(DailyUptime day) {
        putAll(List.of(day));
    }

    @Override
    public void putAll(Collection<DailyUptime> days) {
        if (days.isEmpty()) return;
        db.write(handle -> {
            var batch = handle.prepareBatch(UPSERT);
            for (DailyUptime day : days) {
                batch.bind("component", day.componentId())
                        .bind("day", day.day().toString())
                        .bind("operational", day.operationalSeconds())
                        .bind("degraded", day.degradedSeconds())
                        .bind("outage", day.outageSeconds())
                        .bind("maintenance", day.maintenanceSeconds())
                        .add();
            }
            return batch.execute();
        });
        writes.incrementAndGet();
    }

    @Override
    public long writes() {
        return writes.get();
    }

    @Override
    public List<DailyUptime> since(LocalDate from) {
        return db.read(handle -> handle.createQuery("SELECT component_id, day, operational_seconds, degraded_seconds, "
                        + "outage_seconds, maintenance_seconds FROM daily_uptime WHERE day >= :from ORDER BY component_id, day")
                .bind("from", from.toString())
                .map((rs, ctx) -> new DailyUptime(rs.getString("component_id"), LocalDate.parse(rs.getString("day")),
                        rs.getLong("operational_seconds"), rs.getLong("degraded_seconds"), rs.getLong("outage_seconds"),
                        rs.getLong("maintenance_seconds")))
                .list());
    }
}
