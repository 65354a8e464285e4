package io.noroshi.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The findings of the scheduled live audit, per domain, with when each was first and last seen and when it
 * went away; and the latest run of each domain. Two findings are the same when {@link Finding#identity()} is
 * (rule, severity and evidence, not the wording). Times are stored with millisecond precision. Safe to call
 * from many threads; each method is one transaction.
 */
public interface AuditFindingStore {

    /**
     * Records a successful run of {@code domain} that ended at {@code at}. A finding already open stays open
     * (last seen {@code at}); one not open is raised (first seen {@code at}, even if it was resolved before);
     * an open finding the run no longer reports is resolved at {@code at}.
     *
     * @return the findings this run raised, in the order given; empty when nothing is new
     */
    List<TrackedFinding> recordRun(String domain, Instant at, List<Finding> findings);

    /** Records a run that failed with {@code error}; the findings stay as they were. */
    void recordFailure(String domain, Instant at, String error);

    /** Every finding of {@code domain}: open ones first, most severe first; then resolved ones, latest first. */
    List<TrackedFinding> findings(String domain);

    /** The latest run of {@code domain}; empty before its first. */
    Optional<AuditRun> lastRun(String domain);
}
