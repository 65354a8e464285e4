package io.noroshi.comms.lint;

import io.noroshi.comms.lint.Finding.Severity;
import io.noroshi.config.Text;
import java.util.Optional;

/**
 * {@code eta-confidence}: an estimate of when service returns says how sure the team is. A
 * structured estimate (which always carries its confidence, or says "unknown") satisfies it; a
 * text that says there is no estimate yet has none to qualify.
 */
final class EtaConfidenceRule implements LintRule {

    /** An estimate: a verb of expecting and a word of recovery in one sentence (with a time, checked below). */
    private static final Terms EN_ESTIMATE = Terms.both(
            Terms.words("eta|expect(?:s|ed|ing)?|anticipat\\w*|estimat\\w*|should|will be|(?:aim|hope|plan|intend)s? to|on track to|target"),
            Terms.words("restor\\w*|resolv\\w*|fix\\w*|back|recover\\w*|complet\\w*|finish\\w*|available|operational|working|normal|deliver\\w*|process\\w*|caught up|clear\\w*|live|work\\w* again"));
    private static final Terms EN_NO_ESTIMATE = Terms.words("no (?:estimate|eta)|(?:can ?not|can't|cannot yet|unable to|not yet able to|not able to) (?:give|provide|offer|share) (?:an? )?(?:estimate|eta|time)"
            + "|(?:don't|do not) (?:yet )?have an? (?:estimate|eta|time)|estimate (?:is )?unknown|unknown (?:estimate|eta)|too early to (?:say|estimate|give)");
    private static final Terms EN_CONFIDENCE = Terms.words("confidence|confident|certain(?:ty)?|uncertain(?:ty)?|sure|likely|unlikely|probably|possibly"
            + "|rough(?:ly)?|best guess|tentative(?:ly)?|may (?:change|slip|move|take longer)|could (?:change|slip|take longer)|subject to change|not guaranteed"
            + "|optimistic|conservative|firm|reliable|assuming|if (?:all|everything) goes|provided that|at the earliest|at the latest");
    private static final Terms JA_ESTIMATE = Terms.lemmas("見込み", "見込む", "目処", "めど", "目途", "予定", "想定", "見通し", "予想", "予測", "見積もり", "見積り");
    private static final Terms JA_NO_ESTIMATE = Terms.any(Terms.lemmas("未定"),
            Terms.pattern("(?:見込み|目処|めど|目途|見通し)(?:は|が)?(?:まだ)?(?:立って(?:おりません|いません)|立っていない|ございません|ありません|不明|分かって|わかって)"));
    private static final Terms JA_CONFIDENCE = Terms.any(Terms.lemmas("確度", "確信", "確実", "不確か", "不確定", "可能 性", "前後 する", "変わる 可能 性",
            "変更 の 可能 性", "おおよそ", "あくまで", "目安", "暫定", "遅れる 可能 性", "高い", "低い", "ほぼ", "確か", "見込み 違い"), Terms.pattern("かもしれません|恐れがあります|おそれがあります"));

    private static final Text MESSAGE = Text.of(
            "The update gives an estimate without saying how confident you are in it.",
            "復旧見込みに確度（どの程度確かか）が書かれていません。");
    private static final Text SUGGESTION = Text.of(
            "Add the confidence (\"by 15:00, medium confidence: the restore may take longer\") or set the estimate's confidence field; if you do not know, say so.",
            "「15:00頃の見込みです（確度：中。復元に時間がかかる可能性があります）」のように確度を添えるか、見込みの確度欄を設定してください。分からない場合はその旨を書いてください。");

    @Override
    public String id() {
        return "eta-confidence";
    }

    @Override
    public Optional<Finding> check(DraftUpdate update, Analysis text, Analysis previous) {
        if (update.resolving() || update.estimateGiven()) return Optional.empty();
        boolean ja = update.japanese();
        Terms estimate = ja ? Terms.both(JA_ESTIMATE, Terms.any(Times.JA, Terms.lemmas("復旧", "解消", "再開", "完了", "回復", "正常")))
                : Terms.both(EN_ESTIMATE, Times.EN);
        Terms none = ja ? JA_NO_ESTIMATE : EN_NO_ESTIMATE;
        Terms confidence = ja ? JA_CONFIDENCE : EN_CONFIDENCE;
        boolean estimated = false;
        for (Sentence s : text.sentences()) {
            if (estimate.in(s) && !none.in(s) && !isNextUpdatePromise(s, ja)) estimated = true;
        }
        if (!estimated || confidence.inAny(text.sentences())) return Optional.empty();
        return finding(update, Severity.WARNING, MESSAGE, SUGGESTION);
    }

    /** "Next update at 15:00" promises an update, not a recovery. */
    private static boolean isNextUpdatePromise(Sentence s, boolean ja) {
        if (ja) return Terms.lemmas("次回", "更新", "ご 報告", "お知らせ").in(s) && !Terms.lemmas("復旧", "解消", "再開", "完了", "回復").in(s);
        return Terms.words("next update|further update|another update|update you|update (?:again|this page)").in(s)
                && !Terms.words("restor\\w*|resolv\\w*|fix\\w*|recover\\w*|back (?:up|online|to normal)").in(s);
    }
}
