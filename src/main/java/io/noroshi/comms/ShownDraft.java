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
 */
public record ShownDraft(Draft draft, Optional<Instant> publishAt, String countdown, String state) {
}
