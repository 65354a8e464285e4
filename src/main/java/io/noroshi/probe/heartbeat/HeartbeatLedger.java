package io.noroshi.probe.heartbeat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers when each heartbeat last pushed, and when the ledger itself opened (the hub's start),
 * so a heartbeat that never pushed is given one full period plus grace before it counts as DOWN.
 * Thread-safe: pushes arrive on web threads while checkers read on probe threads. One instance is
 * shared by the push endpoint and the {@link HeartbeatChecker}; it lives in memory only, so a hub
 * restart gives every heartbeat a fresh allowance rather than a false alarm.
 */
public final class HeartbeatLedger {

    private final InstantSource clock;
    private final Instant openedAt;
    private final Map<String, Instant> lastPushes = new ConcurrentHashMap<>();

    public HeartbeatLedger(InstantSource clock) {
        this.clock = clock;
        this.openedAt = clock.instant();
    }

    /** Records that {@code heartbeatId} pushed now (per the injected clock). */
    public void recordPush(String heartbeatId) {
        Objects.requireNonNull(heartbeatId, "heartbeatId");
        lastPushes.put(heartbeatId, clock.instant());
    }

    /** When {@code heartbeatId} last pushed, if it ever did since the ledger opened. */
    public Optional<Instant> lastPush(String heartbeatId) {
        return Optional.ofNullable(lastPushes.get(heartbeatId));
    }

    /**
     * Whether {@code probe} never pushed since the ledger opened and its first period (plus grace) has
     * not passed yet: there is nothing to judge, so its monitor has no data rather than "up".
     */
    public boolean awaitingFirstPush(HeartbeatProbe probe) {
        return !lastPushes.containsKey(probe.id()) && !clock.instant().isAfter(openedAt.plus(probe.allowedSilence()));
    }

    /** When this ledger started listening; the reference point for heartbeats that never pushed. */
    public Instant openedAt() {
        return openedAt;
    }
}
