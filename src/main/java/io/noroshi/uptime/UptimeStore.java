package io.noroshi.uptime;

import java.time.LocalDate;
import java.util.List;

/** Daily uptime per component, the source of the 90-day bars. */
public interface UptimeStore {

    /** Inserts or replaces one component-day. */
    void put(DailyUptime day);

    /** Every stored component-day from {@code from} (inclusive), by component then day. */
    List<DailyUptime> since(LocalDate from);
}
