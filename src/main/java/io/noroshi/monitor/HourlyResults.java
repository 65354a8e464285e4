package io.noroshi.monitor;

import java.time.Instant;

/**
 * What remains of one hour of raw results after the retention period: counts and latency.
 *
 * @param hour          start of the hour (UTC)
 * @param latencyMillis sum of the latencies of all checks in the hour, in milliseconds
 * @param maxLatencyMillis the slowest check of the hour, in milliseconds
 */
public record HourlyResults(String monitorId, String vantage, Instant hour, long up, long degraded, long down,
                            long latencyMillis, long maxLatencyMillis) {
}
