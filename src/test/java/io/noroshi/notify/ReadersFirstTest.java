package io.noroshi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The fan-out rests after its batches only while the page's readers are busy, on a clock the test moves. */
class ReadersFirstTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicLong reads = new AtomicLong();
    private final ReadersFirst readersFirst = new ReadersFirst(reads::get, now::get);
    private static final long BATCH = Duration.ofMillis(30).toNanos();

    @Test
    void withoutReadersTheFanOutNeverRests() {
        for (int i = 0; i < 20; i++) {
            now.addAndGet(ReadersFirst.SAMPLE_NANOS);
            reads.addAndGet(5); // 50 a second: a few people reading, not a crowd
            assertThat(readersFirst.restNanos(BATCH)).isZero();
        }
    }

    @Test
    void aCrowdOfReadersMakesEachBatchRestTwiceItsLengthUntilTheCrowdLeaves() {
        now.addAndGet(ReadersFirst.SAMPLE_NANOS);
        reads.addAndGet(1_000); // 10,000 a second
        assertThat(readersFirst.restNanos(BATCH)).isEqualTo(2 * BATCH);
        // Within the same sample the verdict holds without reading the counter again.
        now.addAndGet(ReadersFirst.SAMPLE_NANOS / 2);
        assertThat(readersFirst.restNanos(BATCH)).isEqualTo(2 * BATCH);
        // A long batch rests at most a second.
        assertThat(readersFirst.restNanos(Duration.ofSeconds(3).toNanos())).isEqualTo(Duration.ofSeconds(1).toNanos());

        now.addAndGet(ReadersFirst.SAMPLE_NANOS);
        reads.addAndGet(10); // the crowd is gone
        assertThat(readersFirst.restNanos(BATCH)).isZero();
    }

    @Test
    void theThresholdIsARateNotACount() {
        // 1,000 reads spread over ten seconds is 100 a second: below the threshold.
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        reads.addAndGet(1_000);
        assertThat(readersFirst.restNanos(BATCH)).isZero();
        // The same 1,000 in a tenth of a second is a crowd.
        now.addAndGet(ReadersFirst.SAMPLE_NANOS);
        reads.addAndGet(1_000);
        assertThat(readersFirst.restNanos(BATCH)).isPositive();
    }
}
