package io.noroshi.comms.lint;

import io.noroshi.comms.lint.Finding.Severity;
import io.noroshi.config.Text;
import java.util.Optional;

/**
 * {@code length}: the update fits the channels that carry it (a text message, a chat post, a
 * push notification). Counted in characters (code points); Japanese says as much in about half
 * as many, so its default limit is half the English one.
 */
final class LengthRule implements LintRule {

    static final int DEFAULT_EN = 700;
    static final int DEFAULT_JA = 350;

    private static final Text MESSAGE = Text.of(
            "The update is %d characters long; the channels that carry it take %d.",
            "更新は%d文字あり、配信先のチャネルの上限%d文字を超えています。");
    private static final Text SUGGESTION = Text.of(
            "Keep the impact, scope, data, workaround and next update; move the technical detail to the post-incident report.",
            "影響・範囲・データ・回避策・次回更新を残し、技術的な詳細は事後報告に回してください。");

    static int defaultLimit(String language) {
        return language.equals("ja") ? DEFAULT_JA : DEFAULT_EN;
    }

    @Override
    public String id() {
        return "length";
    }

    @Override
    public Optional<Finding> check(DraftUpdate update, Analysis text, Analysis previous) {
        int length = update.text().strip().codePointCount(0, update.text().strip().length());
        if (length <= update.maxLength()) return Optional.empty();
        String lang = update.language();
        return Optional.of(new Finding(id(), Severity.WARNING, MESSAGE.in(lang).formatted(length, update.maxLength()), SUGGESTION.in(lang)));
    }
}
