package io.noroshi.monitor;

import java.time.Instant;
import java.util.Optional;

/**
 * Flap damping of one monitor as an operator sees it.
 *
 * @param recentChanges UP/DOWN changes within the damping window
 * @param flapping      whether that is enough to hold a recovery back
 * @param releasesAt    while a recovery is held back: when it is shown UP, if it holds until then
 */
public record DampingState(int recentChanges, boolean flapping, Optional<Instant> releasesAt) {
}
