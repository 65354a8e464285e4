package io.noroshi.incident;

import java.time.Instant;

/**
 * One incident as the history lists it, without its texts and updates: what the public site needs
 * to place every incident on its history pages and to tell whether a page rendered earlier is still
 * current. A few dozen bytes each, so the whole history fits in memory where the incidents would not.
 *
 * @param revision bumped by every change to the incident; equal revisions mean an equal incident
 */
public record IncidentEntry(String id, Instant createdAt, Instant updatedAt, int revision) {
}
