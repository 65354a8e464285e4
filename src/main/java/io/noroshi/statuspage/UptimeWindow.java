package io.noroshi.statuspage;

import io.noroshi.uptime.DailyUptime;
import io.noroshi.uptime.UptimeStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 90 days of uptime the home page shows, kept between renders: a render reads again only the
 * last {@link #RECENT_DAYS} days, which is where monitors write (today's roll-up, and results an
 * agent buffered while the hub was unreachable), instead of every component's 90 rows. The whole
 * window is read again when the day changes and every {@link #FULL_READ_EVERY}, so a later write to
 * an older day shows within that time. Not thread-safe: one render at a time.
 */
final class UptimeWindow {

    static final int RECENT_DAYS = 7;
    static final Duration FULL_READ_EVERY = Duration.ofMinutes(10);

    private final UptimeStore store;
    private final Map<Key, DailyUptime> days = new HashMap<>();
    private LocalDate first;
    private Instant lastFullRead = Instant.MIN;

    UptimeWindow(UptimeStore store) {
        this.store = store;
    }

    private record Key(String componentId, LocalDate day) {
    }

    /** Every stored day from {@code first} on, per component id, oldest first. */
    Map<String, List<DailyUptime>> read(LocalDate first, Instant now) {
        if (!first.equals(this.first) || now.isBefore(lastFullRead) || !now.isBefore(lastFullRead.plus(FULL_READ_EVERY))) {
            days.clear();
            store.since(first).forEach(this::keep);
            this.first = first;
            lastFullRead = now;
        } else {
            LocalDate recent = first.plusDays(PageData.UPTIME_DAYS - RECENT_DAYS);
            store.since(recent.isBefore(first) ? first : recent).forEach(this::keep);
        }
        Map<String, List<DailyUptime>> byComponent = new HashMap<>();
        for (DailyUptime day : days.values()) byComponent.computeIfAbsent(day.componentId(), k -> new ArrayList<>()).add(day);
        byComponent.values().forEach(list -> list.sort(Comparator.comparing(DailyUptime::day)));
        return byComponent;
    }

    private void keep(DailyUptime day) {
        days.put(new Key(day.componentId(), day.day()), day);
    }
}
