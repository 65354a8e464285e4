package io.noroshi.mirror;

import java.time.Duration;

/**
 * The team alert when a mirror falls behind the hub and when it catches up again. Each is called
 * once per streak, from the mirror's own worker thread; implementations must not block for long.
 * The hub wires it to the notification routes ({@code Notice.Event.ALERT_MIRROR}).
 */
public interface MirrorAlerts {

    /**
     * The mirror has not taken the hub's site for longer than {@code mirrors.falling_behind_after}.
     *
     * @param lag       how far behind: now minus the generation time of the oldest site it lacks
     * @param lastError the last failure's message, never a secret
     */
    void fallingBehind(String mirror, Duration lag, String lastError);

    /** The mirror holds the hub's site again after a {@link #fallingBehind}. */
    void caughtUp(String mirror);

    /** Alerts written to the log only (component first, then key=value pairs). */
    static MirrorAlerts logging() {
        return new MirrorAlerts() {
            private final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MirrorAlerts.class);

            @Override
            public void fallingBehind(String mirror, Duration lag, String lastError) {
                log.warn("mirror falling behind mirror={} lag_s={} error={}", mirror, lag.toSeconds(), lastError);
            }

            @Override
            public void caughtUp(String mirror) {
                log.info("mirror caught up mirror={}", mirror);
            }
        };
    }
}
