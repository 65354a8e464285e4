package io.noroshi.config;

import java.time.Duration;
import java.util.Objects;

/**
 * When a monitor counts as flapping, and how long a recovery must hold before a flapping monitor
 * is shown UP again.
 *
 * <pre>
 * monitoring:
 *   flap_damping:
 *     changes: 4     # UP/DOWN changes within the window that make a monitor flapping
 *     window: 30m
 *     hold: 2m       # a flapping monitor stays DOWN until its recovery held this long
 * </pre>
 *
 * Only real changes between up (or degraded) and down count; "no data" coming or going (a start,
 * vantage points falling silent) does not.
 *
 * @param changes UP/DOWN changes within {@code window} from which a monitor is flapping; at least 2
 * @param window  how far back changes are counted
 * @param hold    how long a quorum must have seen a flapping monitor recovered before it is UP again
 */
public record FlapDamping(int changes, Duration window, Duration hold) {

    public static final int DEFAULT_CHANGES = 4;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(30);
    public static final Duration DEFAULT_HOLD = Duration.ofMinutes(2);

    public FlapDamping {
        if (changes < 2) throw new IllegalArgumentException("flap_damping.changes must be at least 2, not " + changes);
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(hold, "hold");
    }

    public static FlapDamping defaults() {
        return new FlapDamping(DEFAULT_CHANGES, DEFAULT_WINDOW, DEFAULT_HOLD);
    }
}
