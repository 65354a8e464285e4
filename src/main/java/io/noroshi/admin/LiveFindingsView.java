package io.noroshi.admin;

import io.noroshi.audit.AuditFindingStore;
import io.noroshi.audit.AuditRun;
import io.noroshi.audit.TrackedFinding;
import io.noroshi.config.AuditSettings;
import java.util.List;
import java.util.Optional;

/** The findings of the scheduled live audit, per configured domain, as the findings page and its API show them. */
public final class LiveFindingsView {

    /** Where a finding stands after the latest successful run. */
    public enum State {
        /** Raised by the latest successful run. */
        NEW,
        /** Seen by the latest run and by earlier ones. */
        OPEN,
        /** No longer seen. */
        RESOLVED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One domain: its latest run (empty before the first) and its findings, open ones first. */
    public record Domain(String domain, Optional<AuditRun> run, List<TrackedFinding> findings) {

        public State state(TrackedFinding finding) {
            if (!finding.open()) return State.RESOLVED;
            boolean raisedLast = run.flatMap(AuditRun::lastSuccess).map(finding.firstSeen()::equals).orElse(false);
            return raisedLast ? State.NEW : State.OPEN;
        }
    }

    private final AuditSettings settings;
    private final AuditFindingStore store;

    public LiveFindingsView(AuditSettings settings, AuditFindingStore store) {
        this.settings = settings;
        this.store = store;
    }

    public AuditSettings settings() {
        return settings;
    }

    public List<Domain> domains() {
        return settings.domains().stream().map(d -> new Domain(d, store.lastRun(d), store.findings(d))).toList();
    }
}
