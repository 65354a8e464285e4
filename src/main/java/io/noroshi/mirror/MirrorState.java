package io.noroshi.mirror;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One mirror as the operator sees it: the admin page, the admin API and {@code /metrics} show this.
 *
 * @param lastSuccess   when a publish to it last succeeded
 * @param holds         the generation time of the site it holds (as far as the hub knows)
 * @param lag           how long it has lacked the hub's current site; zero when it holds it
 * @param lastError     the last failure's message while it fails, empty once a publish succeeds
 * @param failures      failed attempts in a row
 * @param nextRetry     when the next attempt is due while it fails
 * @param lastUploaded  files the last successful publish wrote (changed ones only)
 * @param fallingBehind whether the team has been alerted that it falls behind
 */
public record MirrorState(String id, String site, String kind, Optional<Instant> lastSuccess, Optional<Instant> holds, Duration lag,
                          Optional<String> lastError, int failures, Optional<Instant> nextRetry, int lastUploaded,
                          boolean fallingBehind) {
}
