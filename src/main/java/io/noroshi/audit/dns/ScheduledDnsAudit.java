package io.noroshi.audit.dns;

import io.noroshi.audit.AuditReport;
import io.noroshi.audit.Finding;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the live audit of one domain on an interval and hands each finding that was not there in the previous
 * run to a listener (the hub raises it as an event). A finding is "the same" when its rule, severity and
 * evidence are; the first run reports everything it finds. A failed run is logged and does not reset what
 * was seen, so a flaky network does not re-raise every finding.
 */
public final class ScheduledDnsAudit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledDnsAudit.class);

    private final DnsAudit audit;
    private final String domain;
    private final Duration interval;
    private final ScheduledExecutorService executor;
    private final Consumer<Finding> listener;
    private Set<String> previous = Set.of();
    private Optional<AuditReport> latest = Optional.empty();
    private ScheduledFuture<?> schedule;

    public ScheduledDnsAudit(DnsAudit audit, String domain, Duration interval, ScheduledExecutorService executor,
                             Consumer<Finding> listener) {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive: " + interval);
        this.audit = audit;
        this.domain = domain;
        this.interval = interval;
        this.executor = executor;
        this.listener = listener;
    }

    /** Schedules a run now and then every interval (fixed delay: runs never overlap). */
    public synchronized void start() {
        if (schedule != null) return;
        schedule = executor.scheduleWithFixedDelay(this::runQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs one audit now and returns the findings that are new since the previous run. */
    public synchronized List<Finding> runOnce() {
        AuditReport report = audit.audit(domain);
        latest = Optional.of(report);
        List<Finding> fresh = report.findings().stream().filter(f -> !previous.contains(f.identity())).toList();
        previous = report.findings().stream().map(Finding::identity).collect(Collectors.toUnmodifiableSet());
        fresh.forEach(listener);
        return fresh;
    }

    /** The report of the last successful run, for the admin pages. */
    public synchronized Optional<AuditReport> latest() {
        return latest;
    }

    private void runQuietly() {
        try {
            List<Finding> fresh = runOnce();
            LOG.info("audit domain={} new_findings={}", domain, fresh.size());
        } catch (RuntimeException e) {
            LOG.warn("audit domain={} failed reason={}", domain, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (schedule != null) schedule.cancel(false);
        schedule = null;
    }
}
