package io.noroshi.comms.lint;

import io.noroshi.comms.lint.Finding.Severity;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import java.util.Optional;

/**
 * {@code data-safety}: whether users' data is safe. Required when resolving, and early in a major
 * or critical outage (while investigating or identified), since that is what customers fear most.
 */
final class DataSafetyRule implements LintRule {

    private static final Terms EN_DATA = Terms.words("data|files?|documents?|messages?|e-?mails?|records?|orders?|payments?|transactions?"
            + "|information|photos?|backups?|content|settings|history|uploads?|submissions?|bookings?|balances?|funds|money|work|changes");
    private static final Terms EN_SAFE = Terms.words("safe(?:ly)?|secure|intact|lost|loss|lose|losing|corrupt(?:ed|ion)?|preserved|unaffected"
            + "|affected|deleted|kept|retained|stored|queued|at risk|duplicated?|charged twice|double[- ]charged|leak(?:ed)?|exposed|accessed by|recover(?:ed|able)?");
    private static final Terms JA_DATA = Terms.lemmas("データ", "情報", "ファイル", "記録", "履歴", "メール", "メッセージ", "注文", "決済", "取引",
            "写真", "バックアップ", "残高", "資金", "お金", "内容", "設定", "投稿", "予約", "文書", "書類", "個人 情報");
    private static final Terms JA_SAFE = Terms.lemmas("安全", "無事", "失う", "消失", "損失", "紛失", "破損", "欠損", "保持", "保護", "保存", "保管",
            "残る", "影響", "漏洩", "流出", "重複", "二重", "消える", "削除", "守る", "問題", "確保");

    private static final Text MESSAGE = Text.of(
            "The update does not say whether users' data is safe.",
            "お客様のデータが安全かどうかが書かれていません。");
    private static final Text SUGGESTION = Text.of(
            "Say plainly whether data is safe, e.g. \"No data has been lost; messages sent during the outage are queued and will be delivered\","
                    + " or that you do not know yet and when you will.",
            "「データの消失はありません。障害中に送信されたメッセージは順次配信されます」のように、データが安全かどうか"
                    + "（まだ分からない場合はその旨といつ分かるか）をはっきり書いてください。");

    @Override
    public String id() {
        return "data-safety";
    }

    @Override
    public Optional<Finding> check(DraftUpdate update, Analysis text, Analysis previous) {
        boolean early = (update.status() == IncidentStatus.INVESTIGATING || update.status() == IncidentStatus.IDENTIFIED)
                && update.impact().map(i -> i == Impact.MAJOR || i == Impact.CRITICAL).orElse(false);
        if (!update.resolving() && !early) return Optional.empty();
        boolean ja = update.japanese();
        Terms said = Terms.both(ja ? JA_DATA : EN_DATA, ja ? JA_SAFE : EN_SAFE);
        if (said.inAny(text.sentences())) return Optional.empty();
        return finding(update, update.resolving() ? Severity.ERROR : Severity.WARNING, MESSAGE, SUGGESTION);
    }
}
