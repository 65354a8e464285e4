package io.noroshi.monitor;

/**
 * When a monitor's vantage points together say "down".
 *
 * @param quorum        how many vantage points must agree (e.g. 2 of 3); at least 1
 * @param confirmations consecutive failed checks before one vantage point counts as failing
 * @param recoveries    consecutive good checks before one vantage point counts as recovered
 */
public record QuorumRule(int quorum, int confirmations, int recoveries) {

    public static final int DEFAULT_CONFIRMATIONS = 2;
    public static final int DEFAULT_RECOVERIES = 2;

    public QuorumRule {
        if (quorum < 1) throw new IllegalArgumentException("quorum must be at least 1, not " + quorum);
        if (confirmations < 1) throw new IllegalArgumentException("confirmations must be at least 1, not " + confirmations);
        if (recoveries < 1) throw new IllegalArgumentException("recoveries must be at least 1, not " + recoveries);
    }

    /** A strict majority of {@code vantagePoints}, with the default thresholds. */
    public static QuorumRule majorityOf(int vantagePoints) {
        return new QuorumRule(vantagePoints / 2 + 1, DEFAULT_CONFIRMATIONS, DEFAULT_RECOVERIES);
    }
}
