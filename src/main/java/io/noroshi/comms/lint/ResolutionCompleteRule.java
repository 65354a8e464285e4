package io.noroshi.comms.lint;

import io.noroshi.comms.lint.Finding.Severity;
import io.noroshi.config.Text;
import java.util.Optional;

/**
 * {@code resolution-complete}: a resolving update confirms that service is fully back and says
 * what, if anything, lingers (a backlog still draining, a step users must take) or that nothing does.
 */
final class ResolutionCompleteRule implements LintRule {

    private static final Terms EN_FULL = Terms.words("fully (?:restored|recovered|operational|resolved|functional|back|available|working)"
            + "|all\\b[^.;]{0,40}\\b(?:are|is|have been|has been|were)\\s+(?:now\\s+)?(?:fully\\s+)?(?:back|restored|operating|working|operational|available|recovered|running)"
            + "|(?:working|operating|functioning|running|performing) (?:as )?normal(?:ly)?|back to normal|normal operation|full (?:recovery|service)"
            + "|completely (?:restored|recovered|back)|everything is (?:working|back|running)|\\w+ normally(?: again)?(?: for all)?|for (?:all|every) (?:\\w+ ){0,3}again|(?:is|are) (?:now )?(?:fully )?(?:restored|recovered) for all");
    private static final Terms EN_LINGER = Terms.words("lingering|residual|remaining|still (?:see|experience|have|notice|affected|missing|delayed)"
            + "|(?:may|might|could) (?:still )?\\w+|if (?:a|an|any|your|you|some)\\b|will be (?:\\w+ed|\\w+en)\\b"
            + "|if you (?:still|continue|are still|see|notice|experience|find)|no (?:further |other )?(?:action|lingering|remaining|residual|ongoing|further)"
            + "|nothing (?:further|more|else) (?:is )?(?:needed|required)|(?:do not|don't|not) need to|backlog|catch(?:ing)? up|caught up"
            + "|will be (?:delivered|processed|sent|retried|resynced|refunded|reversed|charged)|(?:have|has) (?:now )?been (?:delivered|processed|sent|retried|refunded|reconciled|added|credited|synced|applied|placed)"
            + "|refresh|(?:sign|log) (?:out|in) again|try again|please (?:check|retry|try|book|place|send|resubmit|re-?enter|sign|log|contact)"
            + "|(?:was|were) not (?:saved|processed|charged|sent|delivered|completed)|no further impact|no (?:after-?)?effects|extended|not (?:be )?affected|unaffected|there (?:is|are) no (?:lasting|further)");
    private static final Terms JA_FULL = Terms.any(Terms.lemmas("完全 に 復旧", "完全 に 回復", "すべて 復旧", "全て 復旧", "正常 に 動作", "正常 に 稼働",
            "正常 に ご 利用", "通常 通り", "通常 どおり", "平常 通り", "正常 化", "全面 的 に 復旧", "完全 復旧"), Terms.pattern("(?:すべて|全て)(?:の)?[^。]{0,20}(?:復旧|回復|正常)|(?:すべて|全て)の[^。]{0,30}(?:正しく|問題なく)|正常に(?:配信|動作|稼働|処理|表示|ご利用)|完全に(?:復旧|回復)"));
    private static final Terms JA_LINGER = Terms.any(Terms.lemmas("影響 が 残る", "影響 は 残る", "残る", "引き続き", "再度 お試し", "再 ログイン", "再読み込み",
            "お問い合わせ", "順次", "場合", "遅れる 届く", "必要 は ない", "不要", "後 影響", "影響 は ない", "影響 は ござる", "影響 なし", "残存", "延長"),
            Terms.pattern("影響はありません|影響は残っておりません|影響はございません|操作は必要ありません|対応は必要ありません|必要ありません|再度|お試しください"
            + "|ご確認|配信済み|処理済み|されていない|されておりません"));

    private static final Text MESSAGE = Text.of(
            "The resolving update does not confirm full recovery and say whether any effects linger.",
            "解消の報告で、完全に復旧したことと、影響が残っているかどうかが書かれていません。");
    private static final Text SUGGESTION = Text.of(
            "Confirm that everything works again and name what lingers, e.g. \"All payments work normally. Orders placed during the outage have been processed;"
                    + " no action is needed\".",
            "「すべての決済が正常に動作しています。障害中のご注文は処理済みで、お客様の操作は必要ありません」のように、完全な復旧と残る影響（ない場合はその旨）を書いてください。");

    @Override
    public String id() {
        return "resolution-complete";
    }

    @Override
    public Optional<Finding> check(DraftUpdate update, Analysis text, Analysis previous) {
        if (!update.resolving()) return Optional.empty();
        boolean ja = update.japanese();
        if ((ja ? JA_FULL : EN_FULL).inAny(text.sentences()) && (ja ? JA_LINGER : EN_LINGER).inAny(text.sentences())) return Optional.empty();
        return finding(update, Severity.ERROR, MESSAGE, SUGGESTION);
    }
}
