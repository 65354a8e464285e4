package io.noroshi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PublishAfterWriteTest {

    @Test
    void everyWriterReturnsAfterARenderThatStartedAfterItsWrite() throws Exception {
        var writes = new AtomicLong();
        var renders = new AtomicInteger();
        var published = new AtomicLong();
        var gate = new CountDownLatch(1);
        var publish = new PublishAfterWrite(() -> {
            long seen = writes.get();
            renders.incrementAndGet();
            try {
                gate.await();
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            published.accumulateAndGet(seen, Math::max);
        });
        int writers = 40;
        try (var pool = Executors.newFixedThreadPool(writers)) {
            List<Future<Boolean>> results = submitWriters(pool, writers, writes, publish, published);
            Thread.sleep(50);
            gate.countDown();
            for (var r : results) assertThat(r.get()).isTrue();
        }
        // one render was under way while the others queued; they share the next one or two
        assertThat(renders.get()).isBetween(1, 4);
    }

    @Test
    void eachSequentialWriteGetsItsOwnRender() {
        var renders = new AtomicInteger();
        var publish = new PublishAfterWrite(renders::incrementAndGet);
        publish.await();
        publish.await();
        assertThat(renders.get()).isEqualTo(2);
    }

    @Test
    void aWriteSoonAfterARenderWaitsOutThePauseAndOneAfterAQuietSpellRendersAtOnce() {
        var ticker = new FakeTicker();
        var publish = ticker.publisherRenderingFor(10_000_000L);

        publish.await();
        assertThat(ticker.slept).as("the first write renders at once").isEmpty();

        ticker.now += 30_000_000L;   // the next update comes 30 ms after that render: nobody waited during it
        publish.await();
        assertThat(ticker.slept).as("it waits out the rest of the least period, counted from the render's start")
                .containsExactly(PublishAfterWrite.LEAST_PERIOD_NANOS - 10_000_000L - 30_000_000L);

        ticker.now += 5_000_000_000L;   // a quiet spell
        publish.await();
        assertThat(ticker.slept).as("after a quiet spell a write renders at once").hasSize(1);
    }

    @Test
    void aLongRenderIsFollowedByTwiceItsDuration() {
        // the period is three renders long from its start, so two of them remain after its end
        var ticker = new FakeTicker();
        var publish = ticker.publisherRenderingFor(80_000_000L);
        publish.await();
        publish.await();
        assertThat(ticker.slept).containsExactly((long) (80_000_000L * (PublishAfterWrite.PERIOD_FACTOR - 1)));
    }

    @Test
    void oneSlowRenderAmongQuickOnesDoesNotTripleTheNextWritesWait() {
        var ticker = new FakeTicker();
        long[] durations = {40_000_000L, 40_000_000L, 40_000_000L, 160_000_000L, 40_000_000L};
        int[] next = {0};
        var publish = new PublishAfterWrite(() -> ticker.now += durations[next[0]++], ticker);
        for (int i = 0; i < durations.length; i++) publish.await();

        // 40 ms renders: a period of three renders, 120 ms from each start, so 80 ms after its end; after the
        // 160 ms one, three times the usual duration (40 + (160 - 40) / 4 = 70 ms) from its start, 210 - 160 =
        // 50 ms after its end, not three times 160 ms.
        assertThat(ticker.slept).containsExactly(80_000_000L, 80_000_000L, 80_000_000L, 50_000_000L);
    }

    /** Time moves only when a test or a render says so; sleeping is recorded and moves it too. */
    private static final class FakeTicker implements PublishAfterWrite.Ticker {
        long now = 1_000_000_000L;
        final java.util.List<Long> slept = new java.util.ArrayList<>();

        /** A publisher on this ticker whose every render takes {@code renderNanos}. */
        PublishAfterWrite publisherRenderingFor(long renderNanos) {
            return new PublishAfterWrite(() -> now += renderNanos, this);
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            slept.add(nanos);
            now += nanos;
        }
    }

    @Test
    void aFailedRenderReachesItsLeaderAndTheNextWriteRendersAgain() {
        var renders = new AtomicInteger();
        var publish = new PublishAfterWrite(() -> {
            if (renders.incrementAndGet() == 1) throw new IllegalStateException("disk full");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(publish::await).isInstanceOf(NotYetPublic.class)
                .hasMessageContaining("stored but not yet public").hasMessageContaining("disk full");
        publish.await();
        assertThat(renders.get()).isEqualTo(2);
    }

    @Test
    void everyWriterOfAFailedRoundIsToldItsChangeIsNotPublicYet() throws Exception {
        var gate = new CountDownLatch(1);
        var renders = new AtomicInteger();
        var publish = new PublishAfterWrite(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (renders.incrementAndGet() <= 2) throw new IllegalStateException("template missing");
        });
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < 8; i++) writers.add(pool.submit(publish::await));
            Thread.sleep(300);
            gate.countDown();
            for (var writer : writers) {
                org.assertj.core.api.Assertions.assertThatThrownBy(writer::get).hasCauseInstanceOf(NotYetPublic.class);
            }
        }
        publish.await();
        assertThat(renders.get()).isEqualTo(3);
    }

    @Test
    void writersOnVirtualThreadsShareRendersAndEachSeesItsWrite() throws Exception {
        var writes = new AtomicLong();
        var published = new AtomicLong();
        var renders = new AtomicInteger();
        var publish = new PublishAfterWrite(() -> {
            long seen = writes.get();
            renders.incrementAndGet();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            published.accumulateAndGet(seen, Math::max);
        });
        int writers = 200;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var r : submitWriters(pool, writers, writes, publish, published)) assertThat(r.get()).isTrue();
        }
        assertThat(renders.get()).isBetween(1, writers - 1);
    }

    /** Each writer counts its write, awaits the publish and answers whether a render covered it. */
    private static List<Future<Boolean>> submitWriters(ExecutorService pool, int writers, AtomicLong writes, PublishAfterWrite publish,
                                                       AtomicLong published) {
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            results.add(pool.submit(() -> {
                long mine = writes.incrementAndGet();
                publish.await();
                return published.get() >= mine;
            }));
        }
        return results;
    }
}
