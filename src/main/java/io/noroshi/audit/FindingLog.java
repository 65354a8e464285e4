package io.noroshi.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each new finding and counts it in {@code noroshi.audit.findings.new} by rule and severity. */
public final class FindingLog implements AuditEvents.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(FindingLog.class);
    static final String COUNTER = "noroshi.audit.findings.new";

    private final MeterRegistry metrics;

    public FindingLog(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void on(AuditEvent event) {
        switch (event) {
            case AuditEvent.NewFinding(TrackedFinding tracked) -> {
                Finding finding = tracked.finding();
                LOG.info("audit finding new rule={} domain={} severity={}", finding.ruleId(), tracked.domain(), finding.severity().id());
                Counter.builder(COUNTER).description("Findings the scheduled live audit raised (first seen, or back after resolved)")
                        .tag("rule", finding.ruleId()).tag("severity", finding.severity().id()).register(metrics).increment();
            }
        }
    }
}
