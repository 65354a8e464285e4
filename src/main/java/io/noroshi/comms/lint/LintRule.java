package io.noroshi.comms.lint;

import io.noroshi.comms.lint.Finding.Severity;
import io.noroshi.config.Text;
import java.util.Optional;

/**
 * One rule of the update lint: one class, its wordings in English and Japanese, its message and
 * suggestion in both. A rule reads only the update it is given; it never throws on any text.
 */
interface LintRule {

    /** The rule's id as the API and the command line show it, e.g. {@code next-update}. */
    String id();

    /**
     * What the rule finds in {@code update}, if anything.
     *
     * @param text the update's text, analysed
     * @param previous the previous update's text, analysed (empty sentences when there is none)
     */
    Optional<Finding> check(DraftUpdate update, Analysis text, Analysis previous);

    default Optional<Finding> finding(DraftUpdate update, Severity severity, Text message, Text suggestion) {
        return Optional.of(new Finding(id(), severity, message.in(update.language()), suggestion.in(update.language())));
    }
}
