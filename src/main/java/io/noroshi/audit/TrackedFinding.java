package io.noroshi.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A finding of the scheduled live audit as the hub keeps it across runs and restarts.
 *
 * @param domain     the audited domain, as configured
 * @param finding    what was found (in the wording of the latest run that saw it)
 * @param firstSeen  when it was raised: its first run, or the run it came back in after being resolved
 * @param lastSeen   the latest run that saw it
 * @param resolvedAt the first run that no longer saw it; empty while it is open
 */
public record TrackedFinding(String domain, Finding finding, Instant firstSeen, Instant lastSeen, Optional<Instant> resolvedAt) {

    public TrackedFinding {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }

    public boolean open() {
        return resolvedAt.isEmpty();
    }
}
