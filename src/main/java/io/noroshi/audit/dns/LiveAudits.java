package io.noroshi.audit.dns;

import io.noroshi.audit.AuditEvents;
import io.noroshi.audit.AuditFindingStore;
import io.noroshi.audit.AuditInputException;
import io.noroshi.audit.TrackedFinding;
import io.noroshi.audit.network.AsnDatabaseException;
import io.noroshi.audit.network.NetworkMaps;
import io.noroshi.config.AuditSettings;
import io.noroshi.probe.dns.ResolverFactory;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's scheduled live audits: one {@link ScheduledDnsAudit} per domain of the {@code audit:} section, all
 * on one platform thread of their own so a slow nameserver never delays the status page. When the root hints or
 * the ASN database cannot be used, nothing is scheduled and each domain's run is recorded as failed with the
 * reason, so the admin pages show it; the hub itself still starts.
 */
public final class LiveAudits implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveAudits.class);

    private final ScheduledExecutorService executor;
    private final Map<String, ScheduledDnsAudit> byDomain;

    private LiveAudits(ScheduledExecutorService executor, Map<String, ScheduledDnsAudit> byDomain) {
        this.executor = executor;
        this.byDomain = byDomain;
    }

    /** Builds and starts the audits of {@code settings}; with no domains nothing runs and no thread is made. */
    public static LiveAudits start(AuditSettings settings, AuditFindingStore store, AuditEvents events, InstantSource clock) {
        if (settings.domains().isEmpty()) return new LiveAudits(null, Map.of());
        DnsAudit audit;
        try {
            audit = new DnsAudit(DnsStart.choose(settings.rootHints(), settings.resolver()), ResolverFactory.direct(),
                    NetworkMaps.open(settings.asnDb()), clock, settings.timeout());
        } catch (AuditInputException | AsnDatabaseException e) {
            LOG.warn("audit cannot run domains={} reason={}", settings.domains().size(), e.getMessage());
            for (String domain : settings.domains()) store.recordFailure(domain, clock.instant(), "the audit cannot run: " + e.getMessage());
            return new LiveAudits(null, Map.of());
        }
        var executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("audit").daemon().factory());
        var byDomain = new LinkedHashMap<String, ScheduledDnsAudit>();
        for (String domain : settings.domains()) {
            var scheduled = new ScheduledDnsAudit(audit, domain, settings.interval(), executor, store, events, clock);
            byDomain.put(domain, scheduled);
            scheduled.start();
        }
        LOG.info("audit scheduled domains={} interval={}", byDomain.size(), settings.interval());
        return new LiveAudits(executor, Map.copyOf(byDomain));
    }

    /** The domains being audited; empty when none is configured or the audit cannot run. */
    public List<String> domains() {
        return byDomain.keySet().stream().sorted().toList();
    }

    /**
     * Runs the audit of {@code domain} now, on the caller's thread, and returns what it raised; waits while a
     * scheduled run of that domain is under way.
     *
     * @throws IllegalArgumentException when {@code domain} is not scheduled
     */
    public List<TrackedFinding> runOnce(String domain) {
        ScheduledDnsAudit audit = byDomain.get(domain);
        if (audit == null) throw new IllegalArgumentException("no scheduled audit of '" + domain + "'; scheduled: " + domains());
        return audit.runOnce();
    }

    @Override
    public void close() {
        byDomain.values().forEach(ScheduledDnsAudit::close);
        if (executor == null) return;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) LOG.warn("audit run still under way at shutdown");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
