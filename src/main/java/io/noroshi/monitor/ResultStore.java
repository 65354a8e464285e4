package io.noroshi.monitor;

import java.time.Instant;
import java.util.List;

/**
 * Raw check results, kept for the retention period and then folded into hourly aggregates; and,
 * per agent, the highest sequence number already stored, so a re-sent batch is not counted twice.
 * Times are stored with millisecond precision. Safe to call from many threads.
 */
public interface ResultStore {

    /** A result as an agent numbered it; sequence numbers of one agent only grow. */
    record Sequenced(long sequence, MonitorResult result) {
    }

    /** Stores results of the hub's own checks. */
    void append(List<MonitorResult> results);

    /**
     * Stores the results of {@code batch} whose sequence is above the agent's last stored one and
     * advances it, all in one transaction.
     *
     * @return the results newly stored, in batch order; empty for a batch already seen
     */
    List<MonitorResult> appendFromAgent(String vantage, List<Sequenced> batch);

    /** The highest sequence number stored for {@code vantage}; 0 before its first batch. */
    long lastSequence(String vantage);

    /** Raw results of one monitor started in [from, to), oldest first. */
    List<MonitorResult> between(String monitorId, Instant from, Instant to);

    /**
     * Folds raw results started before {@code cutoff} into hourly aggregates, then deletes them.
     *
     * @return how many raw results were folded
     */
    int compactBefore(Instant cutoff);

    /** Hourly aggregates of one monitor from {@code from}, oldest first. */
    List<HourlyResults> hourly(String monitorId, Instant from);
}
