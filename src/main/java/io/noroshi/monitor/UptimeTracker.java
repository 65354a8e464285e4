package io.noroshi.monitor;

import io.noroshi.component.ComponentStatus;
import io.noroshi.uptime.DailyUptime;
import io.noroshi.uptime.UptimeStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Accumulates, per component and day (in the page's time zone), the seconds spent in each status
 * as the monitors derive it, on top of what the store already holds for that day. Only time this
 * hub watched counts: before the first verdict after start, and while the hub is not running,
 * nothing is added, so those hours show as "no data", never as up. Thread-safe.
 */
public final class UptimeTracker {

    private record Key(String component, LocalDate day) {
    }

    private record Current(ComponentStatus status, Instant since) {
    }

    private final UptimeStore store;
    private final ZoneId zone;
    private final Map<String, Current> current = new HashMap<>();
    private final Map<Key, long[]> days = new LinkedHashMap<>();
    private final Set<LocalDate> loaded = new HashSet<>();
    private final Set<Key> dirty = new HashSet<>();

    public UptimeTracker(UptimeStore store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    /** From {@code at}, {@code component} is in {@code status}; null means "no data" (nothing counts). */
    public synchronized void observe(String component, ComponentStatus status, Instant at) {
        Current before = current.get(component);
        // A change judged from late results (an agent catching up) may carry an earlier time: never count time twice.
        if (before != null && at.isBefore(before.since)) at = before.since;
        if (before != null) add(component, before.status, before.since, at);
        if (status == null) current.remove(component);
        else current.put(component, new Current(status, at));
    }

    /** Counts the time up to {@code now} and writes every day that changed. */
    public synchronized void flush(Instant now) {
        for (var entry : Map.copyOf(current).entrySet()) {
            add(entry.getKey(), entry.getValue().status, entry.getValue().since, now);
            current.put(entry.getKey(), new Current(entry.getValue().status, now));
        }
        for (Key key : dirty) {
            long[] s = days.get(key);
            store.put(new DailyUptime(key.component, key.day, s[0], s[1], s[2], s[3]));
        }
        dirty.clear();
        days.keySet().removeIf(k -> k.day.isBefore(LocalDate.ofInstant(now, zone).minusDays(1)));
    }

    /** Counts {@code [from, to)} in {@code status}, split at midnights of the page's zone. */
    private void add(String component, ComponentStatus status, Instant from, Instant to) {
        Instant start = from;
        while (start.isBefore(to)) {
            LocalDate day = LocalDate.ofInstant(start, zone);
            Instant midnight = day.plusDays(1).atStartOfDay(zone).toInstant();
            Instant end = midnight.isBefore(to) ? midnight : to;
            long seconds = end.getEpochSecond() - start.getEpochSecond();
            if (seconds > 0) {
                Key key = new Key(component, day);
                days(key)[column(status)] += seconds;
                dirty.add(key);
            }
            start = end;
        }
    }

    private long[] days(Key key) {
        if (loaded.add(key.day)) {
            for (DailyUptime d : store.since(key.day)) {
                if (!d.day().equals(key.day)) continue;
                days.putIfAbsent(new Key(d.componentId(), d.day()), new long[] {d.operationalSeconds(), d.degradedSeconds(),
                        d.outageSeconds(), d.maintenanceSeconds()});
            }
        }
        return days.computeIfAbsent(key, k -> new long[4]);
    }

    private static int column(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> 0;
            case DEGRADED_PERFORMANCE -> 1;
            case PARTIAL_OUTAGE, MAJOR_OUTAGE -> 2;
            case UNDER_MAINTENANCE -> 3;
        };
    }
}
