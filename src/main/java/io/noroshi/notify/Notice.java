package io.noroshi.notify;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing to tell people, decided and worded before any channel sees it: which event, in which
 * language, the headline and the text of the update, and the page that says more. Channels only fit
 * it to their medium (length, markup); they never decide what is said.
 *
 * @param event        what happened, one of {@link Event}
 * @param lang         the reader's language, {@code en} or {@code ja}
 * @param pageName     the status page's name, e.g. "Sakura Hosting"
 * @param title        the headline, e.g. "Major outage: Mail is delayed" (already in {@code lang})
 * @param status       the incident or maintenance status shown to readers ("Investigating", "調査中"), or empty
 * @param impact       {@code none}, {@code minor}, {@code major} or {@code critical}
 * @param body         the update's text as the operator wrote it (plain text, may contain newlines)
 * @param link         the public page of the incident (or the status page)
 * @param at           when the update was published
 * @param webhookJson  Atlassian Statuspage's webhook payload for this event (the generic and subscriber
 *                     webhooks send it as is), or empty for events that have none (team alerts)
 * @param manageLink   for a subscriber: the page to change the subscription or leave, which also takes the
 *                     RFC 8058 one-click unsubscribe POST; empty for a channel's own destination
 */
public record Notice(Event event, String lang, String pageName, String title, Optional<String> status, String impact,
                     String body, URI link, Instant at, Optional<String> webhookJson, Optional<URI> manageLink) {

    /** A notice for a channel's own destination (no subscriber, so no manage link). */
    public Notice(Event event, String lang, String pageName, String title, Optional<String> status, String impact,
                  String body, URI link, Instant at, Optional<String> webhookJson) {
        this(event, lang, pageName, title, status, impact, body, link, at, webhookJson, Optional.empty());
    }

    public Notice {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(pageName, "pageName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(webhookJson, "webhookJson");
        Objects.requireNonNull(manageLink, "manageLink");
    }

    /** The events that notify. Public ones go to subscribers and public channels; alerts only to team routes. */
    public enum Event {
        INCIDENT_CREATED, INCIDENT_UPDATED, INCIDENT_RESOLVED,
        MAINTENANCE_SCHEDULED, MAINTENANCE_STARTED, MAINTENANCE_COMPLETED,
        COMPONENT_UPDATED,
        ALERT_MONITOR, ALERT_FINDING, ALERT_MIRROR,
        TEST,
        /** the double opt-in mail: its {@code manageLink} is the confirmation link, valid 24 hours */
        SUBSCRIPTION_CONFIRM;

        public boolean isTeamAlert() {
            return this == ALERT_MONITOR || this == ALERT_FINDING || this == ALERT_MIRROR;
        }
    }
}
