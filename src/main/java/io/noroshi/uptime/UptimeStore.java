package io.noroshi.uptime;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Daily uptime per component, the source of the 90-day bars. */
public interface UptimeStore {

    /** Inserts or replaces one component-day. */
    void put(DailyUptime day);

    /** Inserts or replaces many component-days, in one transaction where the store has them. */
    default void putAll(Collection<DailyUptime> days) {
        days.forEach(this::put);
    }

    /** Every stored component-day from {@code from} (inclusive), by component then day. */
    List<DailyUptime> since(LocalDate from);
}
