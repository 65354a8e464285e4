package io.noroshi.monitor;

import io.noroshi.storage.DatabaseOutage;
import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import io.noroshi.probe.Checkers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs checks on their intervals from one vantage point: a single timer thread plans, each due
 * check runs on its own virtual thread, at most {@code maxConcurrent} at once. Planned starts
 * follow a fixed grid ({@code offset + n × interval}), so slow checks do not drift the schedule;
 * a check still running when its next turn comes skips that turn. Lag (actual start minus planned
 * start, after waiting for a concurrency slot) goes to {@link MonitorMetrics}.
 */
public final class CheckScheduler implements AutoCloseable {

    /** Default bound on checks in flight at once. */
    public static final int DEFAULT_MAX_CONCURRENT = 2_000;
    private static final Logger log = LoggerFactory.getLogger(CheckScheduler.class);

    private final Checkers checkers;
    private final String vantage;
    private final Consumer<MonitorResult> sink;
    private final MonitorMetrics metrics;
    private final Semaphore slots;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("check-timer").daemon().factory());
    private final Map<String, ScheduledFuture<?>> planned = new ConcurrentHashMap<>();
    private final AtomicInteger neverRun = new AtomicInteger();
    private final AtomicInteger generation = new AtomicInteger();
    /** Seconds from the first schedule to the start of the last first run; NaN until every check ran once. */
    private final java.util.concurrent.atomic.AtomicLong firstRoundNanos = new java.util.concurrent.atomic.AtomicLong(-1);
    private long epochNanos = -1;

    /**
     * @param vantage the vantage point id results are attributed to
     * @param sink    receives each final result (after retries), on the check's virtual thread
     */
    public CheckScheduler(Checkers checkers, String vantage, Consumer<MonitorResult> sink, MonitorMetrics metrics, int maxConcurrent) {
        this.checkers = checkers;
        this.vantage = vantage;
        this.sink = sink;
        this.metrics = metrics;
        this.slots = new Semaphore(maxConcurrent);
        var tags = io.micrometer.core.instrument.Tags.of("vantage", vantage);
        io.micrometer.core.instrument.Gauge.builder("noroshi_scheduler_first_runs_pending", neverRun, AtomicInteger::get).tags(tags)
                .description("Scheduled checks of this vantage point that have not run once yet").register(metrics.registry());
        io.micrometer.core.instrument.Gauge.builder("noroshi_scheduler_first_round_seconds", firstRoundNanos,
                        n -> n.get() < 0 ? Double.NaN : n.get() / 1e9).tags(tags)
                .description("Seconds from the first schedule until every check had started once; NaN until then")
                .register(metrics.registry());
    }

    /** Replaces whatever was scheduled with {@code checks}; each starts at its stable offset. */
    public synchronized void schedule(List<ScheduledCheck> checks) {
        generation.incrementAndGet();
        planned.values().forEach(f -> f.cancel(false));
        planned.clear();
        neverRun.set(checks.size());
        long now = System.nanoTime();
        if (epochNanos < 0) epochNanos = now; // the grid starts with the first schedule, so every first run falls within one interval
        for (ScheduledCheck check : checks) {
            long interval = check.interval().toNanos();
            // Same grid position in every interval since this scheduler started; the first turn is within one interval.
            long first = epochNanos + check.firstRunOffset().toNanos();
            while (first < now) first += interval;
            plan(check, first, generation.get(), new AtomicBoolean(), new AtomicBoolean(true));
        }
        log.info("scheduler vantage={} checks={}", vantage, checks.size());
    }

    /** How many scheduled checks have not completed their first run. */
    public int firstRunsPending() {
        return neverRun.get();
    }

    private void plan(ScheduledCheck check, long plannedNanos, int gen, AtomicBoolean running, AtomicBoolean first) {
        long delay = plannedNanos - System.nanoTime();
        planned.put(check.monitorId(), timer.schedule(() -> due(check, plannedNanos, gen, running, first),
                Math.max(0, delay), TimeUnit.NANOSECONDS));
    }

    private void due(ScheduledCheck check, long plannedNanos, int gen, AtomicBoolean running, AtomicBoolean first) {
        if (gen != generation.get()) return; // replaced by a newer schedule
        plan(check, plannedNanos + check.interval().toNanos(), gen, running, first);
        if (!running.compareAndSet(false, true)) {
            log.debug("scheduler skip monitor={} reason=still-running", check.monitorId());
            return;
        }
        Thread.ofVirtual().name("check-" + check.monitorId()).start(() -> run(check, plannedNanos, running, first));
    }

    private void run(ScheduledCheck check, long plannedNanos, AtomicBoolean running, AtomicBoolean first) {
        boolean acquired = false;
        try {
            slots.acquire();
            acquired = true;
            long startedNanos = System.nanoTime();
            metrics.lag(Duration.ofNanos(startedNanos - plannedNanos));
            CheckResult result = checkers.check(check.probe());
            for (int retry = 0; retry < check.retries() && result.outcome() == CheckOutcome.DOWN; retry++) {
                result = checkers.check(check.probe());
            }
            sink.accept(new MonitorResult(check.monitorId(), vantage, result));
            if (first.compareAndSet(true, false) && neverRun.decrementAndGet() == 0) {
                firstRoundNanos.set(startedNanos - epochNanos);
                log.info("scheduler first round complete vantage={} lastFirstStartS={}", vantage, (startedNanos - epochNanos) / 1_000_000 / 1e3);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isOutage(e)) log.warn("scheduler check failed monitor={} error={}", check.monitorId(), e.toString());
        } finally {
            if (acquired) slots.release();
            running.set(false);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
