package io.noroshi.probe;

/**
 * Runs one kind of {@link Probe} once and says what it saw. Implementations block the calling
 * (virtual) thread, never throw for a failed target (a failure is a {@link CheckResult} with
 * {@link CheckOutcome#DOWN}), and respect {@link Probe#timeout()}.
 *
 * @param <P> the probe record this checker runs
 */
public interface Checker<P extends Probe> {

    /** Runs the probe once; never returns null, never throws for network or protocol failures. */
    CheckResult check(P probe);
}
