package io.noroshi.comms.lint;

import io.noroshi.comms.lint.Finding.Severity;
import io.noroshi.config.Text;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code no-progress}: the update says nearly what the previous one said. Compares the content
 * words (English stems; Japanese dictionary forms from Kuromoji, so conjugation and politeness do
 * not count as news), ignoring numbers and times: a new "next update" time is not progress.
 */
final class NoProgressRule implements LintRule {

    /** At least this share of all content words in common (Jaccard)... */
    static final double SIMILAR = 0.6;
    /** ...or at most this many content words the previous update did not have. */
    static final int FEW_NEW_WORDS = 2;

    private static final Text MESSAGE = Text.of(
            "The update says nearly the same as the previous one (%d%% the same words).",
            "前回の更新とほぼ同じ内容です（語の%d%%が共通）。");
    /** For a short update whose few words are new, where "the same words" would read 0%. */
    private static final Text LITTLE_NEW = Text.of(
            "The update adds almost nothing to the previous one (%d new words).",
            "前回の更新からほとんど新しい情報がありません（新しい語は%d語）。");
    private static final Text SUGGESTION = Text.of(
            "Say what was done since the last update and what comes next (\"We moved traffic to the standby system; we are now checking the payment queue\").",
            "前回から何を行い、次に何をするのかを書いてください（例：「予備システムへ切り替えました。現在、決済の処理待ちを確認しています」）。");

    @Override
    public String id() {
        return "no-progress";
    }

    @Override
    public Optional<Finding> check(DraftUpdate update, Analysis text, Analysis previous) {
        Set<String> now = text.contentWords();
        Set<String> before = previous.contentWords();
        if (before.isEmpty() || now.isEmpty()) return Optional.empty();
        var common = new HashSet<>(now);
        common.retainAll(before);
        var union = new HashSet<>(now);
        union.addAll(before);
        double similarity = (double) common.size() / union.size();
        int newWords = now.size() - common.size();
        if (similarity < SIMILAR && newWords > FEW_NEW_WORDS) return Optional.empty();
        String lang = update.language();
        String message = similarity >= SIMILAR ? MESSAGE.in(lang).formatted(Math.round(similarity * 100)) : LITTLE_NEW.in(lang).formatted(newWords);
        return Optional.of(new Finding(id(), Severity.WARNING, message, SUGGESTION.in(lang)));
    }
}
