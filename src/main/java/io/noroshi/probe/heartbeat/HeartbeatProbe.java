package io.noroshi.probe.heartbeat;

import io.noroshi.probe.Probe;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A push check: a cron job, backup or remote agent calls the hub every {@code period}; it is
 * DOWN when no push arrived for {@code period + grace}. Nothing is contacted; the verdict comes
 * from the {@link HeartbeatLedger}.
 *
 * <pre>
 * - kind: heartbeat
 *   id: nightly-backup       # the name in the push URL; not a secret
 *   secret_sha256: 2c26b4... # hex SHA-256 of the push secret; the hub keeps only this
 *   period: 24h
 *   grace: 30m               # default 1m
 * </pre>
 *
 * @param id           names the heartbeat in the ledger and the push URL
 * @param period       how often a push is expected
 * @param grace        lateness tolerated on top of {@code period}
 * @param secretSha256 lower-case hex SHA-256 of the secret a push must carry; empty: no push is accepted
 */
public record HeartbeatProbe(String id, Duration period, Duration grace, Optional<String> secretSha256) implements Probe {

    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(1);

    /** Reading the ledger is a map look-up; this only satisfies the {@link Probe} contract. */
    private static final Duration LEDGER_LOOKUP = Duration.ofSeconds(1);

    public HeartbeatProbe {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("heartbeat id must not be blank");
        }
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        grace = grace == null ? DEFAULT_GRACE : grace;
        secretSha256 = secretSha256 == null ? Optional.empty() : secretSha256;
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, was " + grace);
        }
    }

    /** A heartbeat without a secret: no push is accepted (for code that builds probes by hand). */
    public HeartbeatProbe(String id, Duration period, Duration grace) {
        this(id, period, grace, Optional.empty());
    }

    /** How long after a push (or after the ledger opened) silence is still fine. */
    public Duration allowedSilence() {
        return period.plus(grace);
    }

    @Override
    public String kind() {
        return "heartbeat";
    }

    @Override
    public Duration timeout() {
        return LEDGER_LOOKUP;
    }

    @Override
    public String target() {
        return "heartbeat " + id;
    }
}
