package io.noroshi.comms.lint;

import java.util.List;

/**
 * The update lint: checks an update's text before it is published against the rules of good
 * incident communication, in English and Japanese. Stores nothing; safe to call from many threads
 * (Japanese analysis is serialised on one Kuromoji tokenizer, built on first use).
 */
public final class UpdateLint {

    /** The rule ids, in the order findings are listed. */
    public static final List<String> RULES = List.of("impact", "scope", "data-safety", "next-update", "workaround", "jargon",
            "no-progress", "eta-confidence", "resolution-complete", "length");

    private final List<LintRule> rules = List.of(new ImpactRule(), new ScopeRule(), new DataSafetyRule(), new NextUpdateRule(),
            new WorkaroundRule(), new JargonRule(), new NoProgressRule(), new EtaConfidenceRule(), new ResolutionCompleteRule(), new LengthRule());
    private final JapaneseWords japanese = new JapaneseWords();

    /** The findings on {@code update}, in rule order; empty when it is good to publish. */
    public List<Finding> check(DraftUpdate update) {
        Analysis text = analyse(update.language(), update.text());
        Analysis previous = analyse(update.language(), update.previous());
        return rules.stream().flatMap(r -> r.check(update, text, previous).stream()).toList();
    }

    private Analysis analyse(String language, String text) {
        return language.equals("ja") ? Analysis.japanese(text, japanese) : Analysis.english(text);
    }
}
