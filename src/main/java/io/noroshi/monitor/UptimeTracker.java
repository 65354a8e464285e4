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
 * nothing is added, so those hours show as "no data", never as up. A change that corrects the past
 * (verdicts re-folded after an agent's late upload) replaces what was counted from its time on,
 * back to {@code watchingSince}: time before this hub started stays "no data". Thread-safe.
 */
public final class UptimeTracker {

    private record Key(String component, LocalDate day) {
    }

    private record Current(ComponentStatus status, Instant since) {
    }

    /** Time already counted in one status, kept so that a correction can take it back. */
    private record Counted(ComponentStatus status, Instant from, Instant to) {
    }

    /** Counted stretches kept per component for corrections; late results older than these are not judged anyway. */
    static final int KEPT_COUNTED = 256;

    private final UptimeStore store;
    private final ZoneId zone;
    private final Map<String, Current> current = new HashMap<>();
    private final Map<Key, long[]> days = new LinkedHashMap<>();
    private final Set<LocalDate> loaded = new HashSet<>();
    private final Set<Key> dirty = new HashSet<>();
    private final Map<String, java.util.Deque<Counted>> counted = new HashMap<>();
    private final Instant watchingSince;
    private final Object flushing = new Object();

    public UptimeTracker(UptimeStore store, ZoneId zone) {
        this(store, zone, Instant.MIN);
    }

    /** @param watchingSince when this hub started watching: corrections never count time before it */
    public UptimeTracker(UptimeStore store, ZoneId zone, Instant watchingSince) {
        this.store = store;
        this.zone = zone;
        this.watchingSince = watchingSince;
    }

    /** From {@code at}, {@code component} is in {@code status}; null means "no data" (nothing counts). */
    public synchronized void observe(String component, ComponentStatus status, Instant at) {
        if (at.isBefore(watchingSince)) at = watchingSince;
        Current before = current.get(component);
        if (before != null && !at.isBefore(before.since)) {
            count(component, before.status, before.since, at);
        } else {
            takeBack(component, at); // a correction: what was counted from `at` on is replaced
        }
        if (status == null) current.remove(component);
        else current.put(component, new Current(status, at));
    }

    /**
     * Counts the time up to {@code now} and writes every day that changed. The writes happen outside
     * this tracker's lock: a hand-back observes inside a database write, which must not wait for a
     * flush that waits for the database.
     */
    public void flush(Instant now) {
        synchronized (flushing) {
            var changed = new java.util.ArrayList<DailyUptime>();
            synchronized (this) {
                for (var entry : Map.copyOf(current).entrySet()) {
                    count(entry.getKey(), entry.getValue().status, entry.getValue().since, now);
                    current.put(entry.getKey(), new Current(entry.getValue().status, now));
                }
                for (Key key : dirty) {
                    long[] s = days.get(key);
                    changed.add(new DailyUptime(key.component, key.day, s[0], s[1], s[2], s[3]));
                }
                dirty.clear();
                days.keySet().removeIf(k -> k.day.isBefore(LocalDate.ofInstant(now, zone).minusDays(1)));
            }
            changed.forEach(store::put); // one flush at a time, so a later total is never overwritten by an earlier one
        }
    }

    private void count(String component, ComponentStatus status, Instant from, Instant to) {
        if (!to.isAfter(from)) return;
        add(component, status, from, to, 1);
        var kept = counted.computeIfAbsent(component, k -> new java.util.ArrayDeque<>());
        Counted last = kept.peekLast();
        if (last != null && last.status == status && last.to.equals(from)) kept.pollLast();
        kept.addLast(new Counted(status, last != null && last.status == status && last.to.equals(from) ? last.from : from, to));
        while (kept.size() > KEPT_COUNTED) kept.pollFirst();
    }

    /** Subtracts whatever was counted for {@code component} from {@code from} on. */
    private void takeBack(String component, Instant from) {
        var kept = counted.get(component);
        while (kept != null && !kept.isEmpty() && kept.peekLast().to.isAfter(from)) {
            Counted last = kept.pollLast();
            Instant start = last.from.isAfter(from) ? last.from : from;
            add(component, last.status, start, last.to, -1);
            if (last.from.isBefore(from)) kept.addLast(new Counted(last.status, last.from, from));
        }
    }

    /** Adds {@code sign ×} the seconds of {@code [from, to)} in {@code status}, split at midnights of the page's zone. */
    private void add(String component, ComponentStatus status, Instant from, Instant to, int sign) {
        Instant start = from;
        while (start.isBefore(to)) {
            LocalDate day = LocalDate.ofInstant(start, zone);
            Instant midnight = day.plusDays(1).atStartOfDay(zone).toInstant();
            Instant end = midnight.isBefore(to) ? midnight : to;
            long seconds = end.getEpochSecond() - start.getEpochSecond();
            if (seconds > 0) {
                Key key = new Key(component, day);
                days(key)[column(status)] += sign * seconds;
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
