package io.noroshi.comms.lint;

import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import java.util.List;
import java.util.Optional;

/**
 * An update as the lint sees it before it is published.
 *
 * @param language {@code en} or {@code ja}: the text's language, and the language of the findings
 * @param status the status the update sets
 * @param text the update's text in {@code language}
 * @param previous the text of the update before it (same language), empty when it is the first
 * @param impact the incident's impact; {@link Optional#empty()} when not known (the command line without {@code --impact})
 * @param nextUpdateGiven true when the structured "next update by" field is set (satisfies {@code next-update})
 * @param estimateGiven true when a structured estimate with its confidence, or an explicit "unknown", is set
 *                      (satisfies {@code eta-confidence})
 * @param maxLength the most characters the channels that carry the update take ({@code length})
 * @param names component and service names the operator's readers know (satisfy {@code scope})
 */
public record DraftUpdate(String language, IncidentStatus status, String text, String previous, Optional<Impact> impact,
                          boolean nextUpdateGiven, boolean estimateGiven, int maxLength, List<String> names) {

    public static final List<String> LANGUAGES = List.of("en", "ja");

    public DraftUpdate {
        if (!LANGUAGES.contains(language)) throw new IllegalArgumentException("language must be en or ja, not " + language);
        text = text == null ? "" : text;
        previous = previous == null ? "" : previous;
        names = List.copyOf(names);
        if (maxLength < 1) throw new IllegalArgumentException("maxLength must be positive");
    }

    /** A plain text to check: no structured fields, no previous update, the default length for its language. */
    public static DraftUpdate of(String language, IncidentStatus status, String text) {
        return new DraftUpdate(language, status, text, "", Optional.empty(), false, false, LengthRule.defaultLimit(language), List.of());
    }

    public boolean resolving() {
        return status == IncidentStatus.RESOLVED || status == IncidentStatus.POSTMORTEM;
    }

    public boolean japanese() {
        return language.equals("ja");
    }
}
