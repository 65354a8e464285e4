package io.noroshi.audit.dns;

import io.noroshi.audit.AuditEvent;
import io.noroshi.audit.AuditEvents;
import io.noroshi.audit.AuditFindingStore;
import io.noroshi.audit.AuditReport;
import io.noroshi.audit.AuditRule;
import io.noroshi.audit.TrackedFinding;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the live audit of one domain on an interval, keeps its findings in an {@link AuditFindingStore} and
 * raises each finding that was not open before as an {@link AuditEvent.NewFinding}. Whether a finding is new
 * is decided by the store, so a restart of the hub does not raise old findings again. A failed run is recorded
 * with its error and leaves the findings as they were, so a flaky network neither resolves nor re-raises them.
 */
public final class ScheduledDnsAudit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledDnsAudit.class);

    private final DnsAudit audit;
    private final String domain;
    private final Duration interval;
    private final ScheduledExecutorService executor;
    private final AuditFindingStore store;
    private final AuditEvents events;
    private final InstantSource clock;
    // runs hold this lock, so close() does not wait for a run that is querying slow nameservers
    private final Object running = new Object();
    private volatile Optional<AuditReport> latest = Optional.empty();
    private ScheduledFuture<?> schedule;

    public ScheduledDnsAudit(DnsAudit audit, String domain, Duration interval, ScheduledExecutorService executor,
                             AuditFindingStore store, AuditEvents events, InstantSource clock) {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive: " + interval);
        this.audit = audit;
        this.domain = domain;
        this.interval = interval;
        this.executor = executor;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    public String domain() {
        return domain;
    }

    /** Schedules a run now and then every interval (fixed delay: runs never overlap). */
    public synchronized void start() {
        if (schedule != null) return;
        schedule = executor.scheduleWithFixedDelay(this::runQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs one audit now, stores its findings and raises the new ones before returning them. A run that fails
     * is recorded with its error and rethrown.
     */
    public List<TrackedFinding> runOnce() {
        synchronized (running) {
            AuditReport report;
            try {
                report = audit.audit(domain);
                // without this, a run while the hub's own network is down would resolve every finding and the
                // next run would raise them all again
                if (!report.findings(AuditRule.DNS_DELEGATION_MISSING).isEmpty() && !audit.startAnswers()) {
                    throw new StartUnreachable("neither root server nor resolver answered: this machine's network may be down;"
                            + " the findings are kept as they were");
                }
            } catch (RuntimeException e) {
                store.recordFailure(domain, clock.instant(), e.getMessage() == null ? e.toString() : e.getMessage());
                throw e;
            }
            latest = Optional.of(report);
            List<TrackedFinding> raised = store.recordRun(domain, report.checkedAt(), report.findings());
            raised.forEach(f -> events.raise(new AuditEvent.NewFinding(f)));
            return raised;
        }
    }

    /** The report of the last successful run since the hub started. */
    public Optional<AuditReport> latest() {
        return latest;
    }

    private void runQuietly() {
        try {
            List<TrackedFinding> raised = runOnce();
            LOG.info("audit run domain={} findings={} new_findings={}", domain, latest().map(r -> r.findings().size()).orElse(0), raised.size());
        } catch (RuntimeException e) {
            LOG.warn("audit run failed domain={} reason={}", domain, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (schedule != null) schedule.cancel(false);
        schedule = null;
    }
}
