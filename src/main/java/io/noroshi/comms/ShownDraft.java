package io.noroshi.comms;

import io.noroshi.comms.CommsStore.Draft;
import java.time.Instant;
import java.util.Optional;

/**
 * One first-notice draft as the drafts page shows it.
 *
 * @param publishAt when it publishes itself (empty once taken over)
 * @param countdown how long until then, in the page's language
 * @param state     its state in the page's language
 * @param now       when the page was rendered, for the seconds the page's script counts down from
 */
public record ShownDraft(Draft draft, Optional<Instant> publishAt, String countdown, String state, Instant now) {

    /** Whole seconds from rendering until it publishes itself (0 when due or taken over). */
    public long secondsLeft() {
        return publishAt.map(at -> Math.max(0, java.time.Duration.between(now, at).toSeconds())).orElse(0L);
    }
}
