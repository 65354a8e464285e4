package io.noroshi.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message an admin page shows after a redirect ("Incident resolved.", or why a form was refused,
 * with what was typed), kept on the server for the browser's session: never read from the URL, so a
 * link cannot put words on an operator's page. In memory: behind several hubs a message may be lost
 * when the redirect lands on another one, never shown to another person.
 */
final class FlashMessages {

    /** A message waits this long for its page; an abandoned one is forgotten after it. */
    static final Duration KEPT = Duration.ofMinutes(5);
    /** Sessions with a message waiting, at most: beyond it the oldest are dropped first. */
    static final int MAX_WAITING = 10_000;

    /**
     * @param kind  {@code error} or {@code notice}
     * @param field the form field an error is about, or empty
     * @param typed what the refused form held, by field (never passwords, tokens or CSRF)
     */
    record Flash(String kind, String message, String field, Map<String, String> typed, Instant expires) {
        Flash {
            typed = Map.copyOf(typed);
        }
    }

    private final Map<String, Flash> waiting = new ConcurrentHashMap<>();
    private final Clock clock;

    FlashMessages(Clock clock) {
        this.clock = clock;
    }

    void put(String sessionKey, String kind, String message, String field, Map<String, String> typed) {
        if (sessionKey == null || sessionKey.isEmpty()) return;
        Instant now = clock.instant();
        if (waiting.size() >= MAX_WAITING) waiting.values().removeIf(f -> !f.expires().isAfter(now));
        if (waiting.size() >= MAX_WAITING) waiting.clear(); // a flood of sessions: lose messages, not memory
        waiting.put(sessionKey, new Flash(kind, message, field == null ? "" : field, typed, now.plus(KEPT)));
    }

    /** The message waiting for this session, removed: a reload shows the page without it. */
    Flash take(String sessionKey) {
        if (sessionKey == null) return null;
        Flash flash = waiting.remove(sessionKey);
        return flash == null || !flash.expires().isAfter(clock.instant()) ? null : flash;
    }
}
