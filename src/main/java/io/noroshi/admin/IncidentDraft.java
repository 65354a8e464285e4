package io.noroshi.admin;

import io.noroshi.config.Text;
import io.noroshi.incident.Impact;

/** A new incident as submitted: its name, impact and first update. */
public record IncidentDraft(Text name, Impact impact, UpdateDraft first) {
}
