package io.noroshi.monitor;

/** What Noroshi concludes about one monitor from all its vantage points. */
public enum Verdict {
    /** Not enough recent results to say anything: never shown as up. */
    NO_DATA,
    UP,
    /** A quorum sees it slow or warning (a certificate near expiry), none sees it down. */
    DEGRADED,
    /** A quorum of vantage points confirmed it down. */
    DOWN
}
