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

    /**
     * A number that changes whenever this process writes through this store, so a reader can skip
     * reading again what it read after the last write; {@link #UNKNOWN} when the store cannot tell
     * (the reader then reads every time). Writes by other processes (another hub on the same
     * database) are not counted: readers bound how long they trust it.
     */
    default long writes() {
        return UNKNOWN;
    }

    long UNKNOWN = -1;
}
