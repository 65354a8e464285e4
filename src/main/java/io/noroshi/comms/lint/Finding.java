package io.noroshi.comms.lint;

/**
 * One thing the lint found in an update.
 *
 * @param rule the rule's id, e.g. {@code next-update}
 * @param severity how much it matters
 * @param message what is wrong, in the operator's language
 * @param suggestion what to write instead, in the operator's language
 */
public record Finding(String rule, Severity severity, String message, String suggestion) {

    /** How much a finding matters; both need an explicit override to publish over. */
    public enum Severity {
        /** Readers will miss something they need (no next update time, a resolution that does not confirm recovery). */
        ERROR,
        /** The update would be better with it. */
        WARNING;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
