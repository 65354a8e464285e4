package io.noroshi.comms.lint;

import io.noroshi.comms.lint.Finding.Severity;
import io.noroshi.config.Text;
import java.util.Optional;

/**
 * {@code next-update}: every update that is not final says when the next one comes, either in the
 * structured "next update by" field or in a sentence that promises an update at a time.
 */
final class NextUpdateRule implements LintRule {

    private static final Terms EN_PROMISE = Terms.words("next update|further update|another update|new update|an update|more updates?"
            + "|update (?:you|again|this page|here|everyone|customers|this (?:incident|post|notice))|updated|report back|check back"
            + "|more information|more details|further information|further details|share more|post more|provide more|let you know|be back in touch");
    private static final Terms JA_PROMISE = Terms.any(Terms.lemmas("次回", "次 の 更新", "次 の ご 報告", "改めて", "追って", "続報", "続く 報告", "再度 お知らせ",
            "最新 情報", "詳細 が 分かる 次第", "更新 する", "ご 報告 する", "お知らせ する"), Terms.pattern("次の(?:更新|お知らせ|ご報告|報告)"));

    private static final Text MESSAGE = Text.of(
            "The update does not say when the next update will come.",
            "次回の更新がいつかが書かれていません。");
    private static final Text SUGGESTION = Text.of(
            "End with \"Next update by 14:30 JST\" (or set the next-update time), even if there may be nothing new: silence reads as worse news.",
            "「次回の更新は14:30（JST）までに行います」と書いてください（または次回更新時刻の欄を設定してください）。新しい情報がなくても、沈黙は悪い知らせと受け取られます。");

    @Override
    public String id() {
        return "next-update";
    }

    @Override
    public Optional<Finding> check(DraftUpdate update, Analysis text, Analysis previous) {
        if (update.resolving() || update.nextUpdateGiven()) return Optional.empty();
        boolean ja = update.japanese();
        Terms promise = Terms.both(ja ? JA_PROMISE : EN_PROMISE, Times.in(update.language()));
        if (promise.inAny(text.sentences())) return Optional.empty();
        return finding(update, Severity.ERROR, MESSAGE, SUGGESTION);
    }
}
