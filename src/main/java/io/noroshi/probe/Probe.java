package io.noroshi.probe;

import java.time.Duration;

/**
 * What to check and how: one record per kind of check. A probe is pure configuration;
 * running it is the job of the matching {@link Checker}. Implementations are immutable records.
 */
public interface Probe {

    /** The kind as written in {@code noroshi.yaml} ({@code http}, {@code tcp}, {@code dns}, ...). */
    String kind();

    /** Upper bound for one check, connection set-up included. */
    Duration timeout();

    /** A short human-readable target, e.g. {@code https://example.com/} or {@code mx1.example.com:25}; never a secret. */
    String target();
}
