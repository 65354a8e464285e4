package io.noroshi.statuspage;

import io.noroshi.uptime.DailyUptime;
import io.noroshi.uptime.UptimeStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 90 days of uptime the home page shows, kept between renders. Most renders follow a write to an
 * incident, which changes no uptime: then nothing is read. The last {@link #RECENT_DAYS} days, where
 * monitors write (today's roll-up, and results an agent buffered while the hub was unreachable), are
 * read again when this process wrote uptime since the last read ({@link UptimeStore#writes()}) or
 * {@link #RECENT_READ_EVERY} has passed (another hub on the same database may have written); the whole
 * window when the day changes and every {@link #FULL_READ_EVERY}, so a later write to an older day
 * shows within that time.
 *
 * <p>A component's list of days is the same instance from render to render while its days are equal,
 * so the rows built from it are found again by identity instead of by hashing ninety records per
 * component and language on every render. Not thread-safe: one render at a time.
 */
final class UptimeWindow {

    static final int RECENT_DAYS = 7;
    static final Duration RECENT_READ_EVERY = Duration.ofSeconds(5);
    static final Duration FULL_READ_EVERY = Duration.ofMinutes(10);

    private final UptimeStore store;
    private final Map<Key, DailyUptime> days = new HashMap<>();
    /** What the last read returned: each component's days, oldest first, immutable. */
    private Map<String, List<DailyUptime>> byComponent = Map.of();
    private LocalDate first;
    private Instant lastFullRead = Instant.MIN;
    private Instant lastRecentRead = Instant.MIN;
    private long writesAtLastRead = UptimeStore.UNKNOWN;

    UptimeWindow(UptimeStore store) {
        this.store = store;
    }

    private record Key(String componentId, LocalDate day) {
    }

    /** Every stored day from {@code first} on, per component id, oldest first. */
    Map<String, List<DailyUptime>> read(LocalDate first, Instant now) {
        long writes = store.writes(); // before the rows: a write committed after this is read again next time
        Set<String> changed = new HashSet<>();
        boolean backwards = now.isBefore(lastFullRead) || now.isBefore(lastRecentRead);
        if (!first.equals(this.first) || backwards || !now.isBefore(lastFullRead.plus(FULL_READ_EVERY))) {
            var before = new HashMap<>(days);
            days.clear();
            store.since(first).forEach(this::keep);
            before.forEach((key, day) -> {
                if (!day.equals(days.get(key))) changed.add(key.componentId());
            });
            days.forEach((key, day) -> {
                if (!day.equals(before.get(key))) changed.add(key.componentId());
            });
            this.first = first;
            lastFullRead = now;
            lastRecentRead = now;
        } else if (writes == UptimeStore.UNKNOWN || writes != writesAtLastRead || !now.isBefore(lastRecentRead.plus(RECENT_READ_EVERY))) {
            LocalDate recent = first.plusDays(PageData.UPTIME_DAYS - RECENT_DAYS);
            for (DailyUptime day : store.since(recent.isBefore(first) ? first : recent)) {
                DailyUptime was = days.get(new Key(day.componentId(), day.day()));
                if (!day.equals(was)) {
                    keep(day);
                    changed.add(day.componentId());
                }
            }
            lastRecentRead = now;
        }
        writesAtLastRead = writes;
        if (!changed.isEmpty()) byComponent = regroup(changed);
        return byComponent;
    }

    /** The last result with the lists of {@code changed} components built again; the others keep their instances. */
    private Map<String, List<DailyUptime>> regroup(Set<String> changed) {
        Map<String, List<DailyUptime>> lists = new HashMap<>();
        for (DailyUptime day : days.values()) {
            if (changed.contains(day.componentId())) lists.computeIfAbsent(day.componentId(), k -> new ArrayList<>()).add(day);
        }
        Map<String, List<DailyUptime>> next = new HashMap<>(byComponent);
        changed.forEach(next::remove);
        lists.forEach((component, list) -> {
            list.sort(Comparator.comparing(DailyUptime::day));
            next.put(component, List.copyOf(list));
        });
        return Map.copyOf(next);
    }

    private void keep(DailyUptime day) {
        days.put(new Key(day.componentId(), day.day()), day);
    }
}
