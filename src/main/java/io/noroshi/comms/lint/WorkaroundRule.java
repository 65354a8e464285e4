package io.noroshi.comms.lint;

import io.noroshi.comms.lint.Finding.Severity;
import io.noroshi.config.Text;
import io.noroshi.incident.IncidentStatus;
import java.util.Optional;

/**
 * {@code workaround}: while the cause is being found or fixed, the update gives users a way around
 * the problem, or says there is none (or that they need do nothing).
 */
final class WorkaroundRule implements LintRule {

    private static final Terms EN = Terms.words("workarounds?|work-arounds?|work around|in the meantime|meanwhile|alternatively|instead"
            + "|as a temporary|temporar(?:y|ily)|you (?:can|may|could) (?:still )?(?:use|try|access|retry|switch|call|contact|pay|place|log|reach|download|visit|send|sign)"
            + "|try again|retry(?:ing)?|no action (?:is )?(?:needed|required)|nothing (?:you need to do|to do|for you to do)|no need to|(?:do not|don't) need to"
            + "|not need to|there (?:is|are) no (?:known )?(?:workarounds?|way|alternative)|no (?:known )?(?:workaround|alternative)|please (?:use|try|wait|retry|contact|avoid)"
            + "|we recommend|we suggest|recommended|until then|for now,? (?:you|please)|still (?:works?|available|working|possible)|unaffected and (?:can|may)"
            + "|(?:you|they|it|which) (?:can|may|could) still|can still be|remains? (?:available|usable|open)|(?:is|are) not affected and"
            + "|keeps? working|continues? to work|you (?:can|may|could) (?:still |also |now )?(?!not\\b)[a-z]+|can still|keeps? [a-z]+ing|works? for now|for now|for the time being|can (?:still |also )?be [a-z]+ed (?:at|in|by|from|through|via|over)"
            + "|(?:stays?|remains?) (?:valid|open|active)|(?:is|are|been) extended|extend(?:ed)? (?:by|until|to)|(?:still )?works?(?: fine| normally| as usual)?(?=\\s*[.;]|\\s*$)|(?:is|are) (?:still )?(?:unaffected|not affected)|(?:is|are) (?:still )?available");
    private static final Terms JA = Terms.any(Terms.lemmas("回避", "回避 策", "代わり", "代替", "暫定", "当面", "その間", "それ まで",
            "再度 お試し", "お試し", "時間 を 置く", "時間 を おく", "お待ち", "必要 は ない", "必要 ない", "不要", "ご 対応 の 必要", "推奨", "おすすめ",
            "お勧め", "お問い合わせ"), Terms.pattern("ご利用いただけ|ご利用になれ|お使いいただけ|利用可能|引き続き可能|は可能です|ご利用ください|問題なくご利用|影響はありません"
            + "|正常にご利用|(?:は|も)(?:引き続き)?(?:遊べ|使え|利用でき|できます)|再度お試し|お試しください|時間を(?:置|お)いて|お待ちください"
            // the polite "you can ..." (購入いただけます, お読みいただけます), not a request for understanding
            + "|(?<!理解|了承|容赦)いただけ(?:ます|る)(?!よう)|いただいて(?:問題|差し支え|構い)|影響(?:は|も)?(?:ありません|ございません)|承(?:って|り|ります)"
            + "|ば[^。]{0,15}(?:できます|可能です)|お控えください|延長|有効と(?:します|いたします)|有効です"));

    private static final Text MESSAGE = Text.of(
            "The update gives no workaround, and does not say that there is none.",
            "回避策が書かれておらず、回避策がないことも書かれていません。");
    private static final Text SUGGESTION = Text.of(
            "Tell users what they can do meanwhile (\"You can still pay by bank transfer\"), or say \"There is no workaround yet\" so they stop looking.",
            "「その間は銀行振込をご利用いただけます」のように代わりの方法を書くか、「現時点で回避策はありません」と書いてください。");

    @Override
    public String id() {
        return "workaround";
    }

    @Override
    public Optional<Finding> check(DraftUpdate update, Analysis text, Analysis previous) {
        if (update.status() != IncidentStatus.INVESTIGATING && update.status() != IncidentStatus.IDENTIFIED) return Optional.empty();
        Terms terms = update.japanese() ? JA : EN;
        if (terms.inAny(text.sentences())) return Optional.empty();
        return finding(update, Severity.WARNING, MESSAGE, SUGGESTION);
    }
}
