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

    /** Said of anything ("progress and purchases are safe", "nothing was lost"): a statement about data on its own. */
    private static final Terms EN_STRONG = Terms.words("(?:is|are|remains?|stays?|was|were|kept) (?:completely |fully |still )?(?:safe|secure|intact)"
            + "|safe and sound|(?:was|were|been|be|is|are|get) (?:never |permanently )?(?:lost|deleted|corrupted|leaked|exposed|duplicated|charged twice)"
            + "|no (?:data )?(?:loss|corruption)|(?:nothing|none) (?:has been |was |is |were )?(?:lost|deleted|corrupted)|not (?:been )?(?:lost|deleted|corrupted)"
            + "|data (?:is|are|was|were|remains?) (?:safe|unaffected|not affected)|at risk|double[- ]charged|charged twice|data loss");
    /** Weaker words ("affected", "queued") count only when said of data itself. */
    private static final Terms EN_DATA = Terms.words("data|files?|documents?|messages?|e-?mails?|mail|records?|orders?|information|photos?|backups?"
            + "|history|uploads?|submissions?|balances?|accounts? data|personal details");
    private static final Terms EN_WEAK = Terms.words("affected|unaffected|stored|queued|kept|retained|preserved|recover(?:ed|able)?|backed up|held|delivered later");
    private static final Terms JA_STRONG = Terms.any(Terms.lemmas("安全", "無事", "失う", "消失", "損失", "紛失", "破損", "欠損", "漏洩", "流出",
            "二重 請求", "二重 引き落とし", "重複 請求"), Terms.pattern("危険にさらされ|失われ|消えておりません|消えていません|損なわれ"));
    private static final Terms JA_DATA = Terms.lemmas("データ", "情報", "ファイル", "記録", "履歴", "メール", "メッセージ", "注文", "写真",
            "バックアップ", "残高", "内容", "設定", "投稿", "文書", "書類",
            "レコード", "ゾーン", "預り金", "預金", "保有*", "帳簿");
    private static final Terms JA_WEAK = Terms.lemmas("影響", "保持", "保護", "保存", "保管", "残る", "問題", "確保", "守る", "保留");

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
        Terms said = ja ? Terms.any(JA_STRONG, Terms.both(JA_DATA, JA_WEAK)) : Terms.any(EN_STRONG, Terms.both(EN_DATA, EN_WEAK));
        if (said.inAny(text.sentences())) return Optional.empty();
        return finding(update, update.resolving() ? Severity.ERROR : Severity.WARNING, MESSAGE, SUGGESTION);
    }
}
