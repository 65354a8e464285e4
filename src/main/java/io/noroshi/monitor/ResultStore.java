package io.noroshi.monitor;

import java.time.Instant;
import java.util.List;

/**
 * Raw check results, kept for the retention period and then folded into hourly aggregates; and,
 * per agent, the highest sequence number already stored, so a re-sent batch is not counted twice.
 * Times are stored with millisecond precision. Safe to call from many threads.
 */
public interface ResultStore {

    /**
     * A result as an agent numbered it; sequence numbers of one agent only grow.
     *
     * @param result null for a numbered result that is refused (a monitor not assigned to the agent):
     *               its number is used up, nothing is stored
     */
    record Sequenced(long sequence, MonitorResult result) {
    }

    /** An agent's batch does not follow on from what is stored: results would be missing in between. */
    final class SequenceGap extends RuntimeException {
        private final long expected;
        private final long got;

        public SequenceGap(long expected, long got) {
            super("sequence must follow on: expected " + expected + ", got " + got);
            this.expected = expected;
            this.got = got;
        }

        public long expected() {
            return expected;
        }

        public long got() {
            return got;
        }
    }

    /** Stores results of the hub's own checks. */
    void append(List<MonitorResult> results);

    /**
     * Stores the results of {@code batch} whose sequence is above the agent's last stored one and
     * advances it, all in one transaction. The new ones must follow on: the first is the last stored
     * plus one, each next one more by one.
     *
     * @return the results newly stored, in batch order; empty for a batch already seen
     * @throws SequenceGap when the new results do not follow on; nothing is stored then
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
