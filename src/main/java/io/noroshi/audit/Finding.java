package io.noroshi.audit;

import java.util.List;
import java.util.Objects;

/**
 * One thing the audit found.
 *
 * @param rule     which check found it; its id is stable across releases
 * @param severity how much it matters
 * @param message  one sentence an operator can act on
 * @param evidence the facts behind it, one per line (names, addresses, prefixes, sites)
 */
public record Finding(AuditRule rule, Severity severity, String message, List<String> evidence) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(evidence);
    }

    public String ruleId() {
        return rule.id();
    }

    /** The RFC section or Zonemaster test the rule rests on. */
    public String reference() {
        return rule.reference();
    }

    /** What makes two runs' findings "the same finding": rule, severity and evidence, not the wording. */
    public String identity() {
        return rule.id() + "|" + severity.id() + "|" + String.join("|", evidence);
    }
}
