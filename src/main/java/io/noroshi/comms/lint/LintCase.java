package io.noroshi.comms.lint;

import java.util.Set;

/**
 * One labelled update from a case file: the update and the rules a careful reader says it breaks.
 * Every rule not in {@code expected} is expected not to fire, so each case counts for every rule.
 */
public record LintCase(String id, DraftUpdate update, Set<String> expected) {

    public LintCase {
        expected = Set.copyOf(expected);
    }
}
