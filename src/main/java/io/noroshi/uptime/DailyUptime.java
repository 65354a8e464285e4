package io.noroshi.uptime;

import java.time.LocalDate;

/**
 * One component's day, in seconds by state. Seconds in none of these states are "no data":
 * the hub was not watching, and that never counts as up.
 *
 * @param day in the page's time zone
 */
public record DailyUptime(String componentId, LocalDate day, long operationalSeconds, long degradedSeconds,
                          long outageSeconds, long maintenanceSeconds) {

    /** Seconds for which something is known. */
    public long observedSeconds() {
        return operationalSeconds + degradedSeconds + outageSeconds + maintenanceSeconds;
    }

    /** Fraction of observed time not in outage (degraded and maintenance count as up), or NaN without data. */
    public double uptimeRatio() {
        long observed = observedSeconds();
        return observed == 0 ? Double.NaN : (double) (observed - outageSeconds) / observed;
    }
}
