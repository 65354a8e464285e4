package io.noroshi.comms;

import io.noroshi.admin.UpdateDraft;
import io.noroshi.admin.UpdateRefused;
import io.noroshi.comms.lint.DraftUpdate;
import io.noroshi.comms.lint.Finding;
import io.noroshi.comms.lint.UpdateLint;
import io.noroshi.config.Component;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lints an incident update in each language it is written in, with what the hub knows: the
 * previous update, the incident's impact, the component names, the structured next-update and
 * estimate fields. With {@code communication.lint.require_override} an update with findings is
 * refused until it is posted again with {@code lint_override}; the findings published over go
 * into the update's audit entry.
 */
public final class LintReview {

    public static final String OVERRIDE = "lint_override";

    private final UpdateLint lint;
    private final CommunicationSettings settings;
    private final List<Component> components;

    public LintReview(UpdateLint lint, CommunicationSettings settings, List<Component> components) {
        this.lint = lint;
        this.settings = settings;
        this.components = List.copyOf(components);
    }

    /**
     * The findings on {@code body}, each tagged with its language.
     *
     * @param incident the incident the update is for (its last update and impact are used), empty for a text on its own
     */
    public List<Map<String, Object>> findings(Optional<Incident> incident, IncidentStatus status, Text body, boolean nextUpdateGiven,
                                              boolean estimateGiven) {
        Text previous = incident.filter(i -> !i.updates().isEmpty()).map(i -> i.updates().getLast().body()).orElse(Text.EMPTY);
        return findings(previous, incident.map(Incident::impact), status, body, nextUpdateGiven, estimateGiven);
    }

    /** The findings on {@code body} after {@code previous}, each tagged with its language. */
    public List<Map<String, Object>> findings(Text previous, Optional<Impact> impact, IncidentStatus status, Text body, boolean nextUpdateGiven,
                                              boolean estimateGiven) {
        var out = new ArrayList<Map<String, Object>>();
        for (String language : languages(body)) {
            String before = previous.has(language) ? previous.in(language) : "";
            var draft = new DraftUpdate(language, status, body.in(language), before, impact, nextUpdateGiven, estimateGiven,
                    settings.lint().maxLength(language), components.stream().map(c -> c.name().in(language)).toList());
            for (Finding f : lint.check(draft)) out.add(wire(f, language));
        }
        return out;
    }

    /** Before an update is stored: refuses it over findings unless overridden; returns what its audit entry records. */
    Map<String, Object> review(Optional<Incident> before, UpdateDraft draft, boolean nextUpdateGiven, boolean estimateGiven) {
        var findings = findings(before, draft.status(), draft.body(), nextUpdateGiven, estimateGiven);
        if (findings.isEmpty()) return Map.of();
        boolean override = "true".equals(draft.extras().get(OVERRIDE));
        if (settings.lint().requireOverride() && !override) {
            throw new UpdateRefused("the update has " + findings.size() + " lint finding(s); fix them, or post it again with "
                    + OVERRIDE + " to publish it as it is (the override is recorded in the audit log)", OVERRIDE, findings);
        }
        var recorded = new LinkedHashMap<String, Object>();
        recorded.put(override ? "lint_override" : "lint_findings", findings);
        return recorded;
    }

    /** The languages an update is written in: each of en and ja it has its own text for (a language-neutral text counts as en). */
    static List<String> languages(Text body) {
        var languages = new ArrayList<String>();
        if (body.byLanguage().containsKey("en") || body.byLanguage().containsKey("*")) languages.add("en");
        if (body.byLanguage().containsKey("ja")) languages.add("ja");
        return languages;
    }

    static Map<String, Object> wire(Finding f, String language) {
        var map = new LinkedHashMap<String, Object>();
        map.put("rule", f.rule());
        map.put("severity", f.severity().wire());
        map.put("message", f.message());
        map.put("suggestion", f.suggestion());
        map.put("language", language);
        return map;
    }
}
