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

    /**
     * How much of a text the rules read: twice the default length of an update in its language. A
     * longer text fails {@code length} anyway; what a channel carries is its beginning, and reading
     * no further keeps the lint fast on any input (Kuromoji's analysis grows with the text).
     */
    static int readLimit(String language) {
        return 2 * LengthRule.defaultLimit(language);
    }

    /** The findings on {@code update}, in rule order; empty when it is good to publish. */
    public List<Finding> check(DraftUpdate update) {
        int limit = readLimit(update.language());
        DraftUpdate read = new DraftUpdate(update.language(), update.status(), head(update.text(), limit), head(update.previous(), limit),
                update.impact(), update.nextUpdateGiven(), update.estimateGiven(), update.maxLength(), update.names());
        Analysis text = analyse(update.language(), read.text());
        Analysis previous = analyse(update.language(), read.previous());
        return rules.stream().flatMap(r -> r.check(r instanceof LengthRule ? update : read, text, previous).stream()).toList();
    }

    /** The first {@code limit} characters, never splitting a surrogate pair. */
    private static String head(String text, int limit) {
        if (text.length() <= limit) return text;
        int end = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
        return text.substring(0, end);
    }

    private Analysis analyse(String language, String text) {
        return language.equals("ja") ? Analysis.japanese(text, japanese) : Analysis.english(text);
    }
}
