package io.noroshi.probe;

/** What one check concluded about its target. */
public enum CheckOutcome {
    /** Answered as expected within the latency threshold. */
    UP,
    /** Answered correctly but slowly, or with a warning (a certificate near expiry). */
    DEGRADED,
    /** Did not answer, answered wrongly, or answered too late. */
    DOWN
}
