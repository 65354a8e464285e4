package io.noroshi.notify;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The status page's readers come before the fan-out. When an incident is announced, its readers and its mail
 * arrive at the same moment, and on a small machine the senders took two thirds of the page's rate. While the page
 * serves more than {@value #BUSY_READS_PER_SECOND} requests a second, each batch the fan-out sends is followed by a
 * rest twice as long as the batch took (at most a second), so the fan-out keeps about a third of the CPU it would
 * take and still finishes (100,000 mails in well under a minute). Without readers it runs at full speed.
 */
final class ReadersFirst {

    static final long BUSY_READS_PER_SECOND = 200;
    static final long SAMPLE_NANOS = Duration.ofMillis(100).toNanos();
    private static final long LONGEST_REST_NANOS = Duration.ofSeconds(1).toNanos();

    /** No readers to make way for (hubs without a page, tests of the worker alone). */
    static final ReadersFirst NONE = new ReadersFirst(() -> 0, System::nanoTime);

    private final LongSupplier readsServed;
    private final LongSupplier nanoTime;
    private long sampledAt;
    private long sampledReads;
    private boolean busy;

    /**
     * @param readsServed the page's requests answered so far (a counter that only grows)
     */
    ReadersFirst(LongSupplier readsServed, LongSupplier nanoTime) {
        this.readsServed = readsServed;
        this.nanoTime = nanoTime;
        this.sampledAt = nanoTime.getAsLong();
        this.sampledReads = readsServed.getAsLong();
    }

    /** How long a sender rests after a batch that took {@code batchNanos}: zero unless readers are busy. */
    synchronized long restNanos(long batchNanos) {
        long now = nanoTime.getAsLong();
        long elapsed = now - sampledAt;
        if (elapsed >= SAMPLE_NANOS) {
            long reads = readsServed.getAsLong();
            busy = (reads - sampledReads) * 1_000_000_000L / elapsed > BUSY_READS_PER_SECOND;
            sampledAt = now;
            sampledReads = reads;
        }
        return busy ? Math.min(2 * Math.max(0, batchNanos), LONGEST_REST_NANOS) : 0;
    }
}
