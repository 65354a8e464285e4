package io.noroshi.comms.lint;

import io.noroshi.comms.lint.Finding.Severity;
import io.noroshi.config.Text;
import io.noroshi.incident.IncidentStatus;
import java.util.Optional;

/**
 * {@code impact}: an open incident's update says what users cannot do, in their words: a sentence
 * naming something users do (log in, pay, send) that is impaired, or that they can do again.
 */
final class ImpactRule implements LintRule {

    private static final Terms EN_ACTION = Terms.words("log(?:ging)? ?in|logins?|sign(?:ing)? ?(?:in|up)|pay|paying|check(?:ing)? ?out|checkouts?"
            + "|purchas(?:e|ing)|buy(?:ing)?|order(?:ing)?|plac(?:e|ing) orders?|send(?:ing)?|sent|receiv(?:e|ing)|upload(?:ing|s)?|download(?:ing|s)?"
            + "|access(?:ing)?|load(?:s|ing)?(?!\\s+balanc)|view(?:ing)?|open(?:ing)?|use|using|search(?:ing)?|sav(?:e|ing)|sync(?:ing)?|connect(?:ing)?"
            + "|book(?:ing)?|deliver(?:ed|ing|y)?|transfer(?:ring)?|withdraw(?:ing)?|stream(?:ing)?|play(?:ing|back)?|edit(?:ing)?|creat(?:e|ing)"
            + "|submit(?:ting)?|reset(?:ting)?|post(?:ing)?|publish(?:ing)?|brows(?:e|ing)|reach(?:ing)?|join(?:ing)?|call(?:ing)?|print(?:ing)?|shar(?:e|ing)|export(?:ing)?|import(?:ing)?|generat(?:e|ed|ing)|display(?:ed|ing)?"
            + "|payments?|logins?|uploads?|downloads?|page loads?|calls?|deliver(?:y|ies)|bookings?|orders?|transfers?|searches|exports?"
            + "|reach(?:able)?|accessible|check-?in|renew(?:al|als|ing)?|see|seeing|get|getting");
    private static final Terms EN_IMPAIRED = Terms.words("cannot|can ?not|can't|couldn't|unable|fail(?:s|ed|ing|ures?)?|errors?|unavailable"
            + "|slow(?:er|ly|ness)?|delay(?:s|ed)?|not (?:be )?(?:able|work\\w*|load\\w*|arriv\\w*|respond\\w*|go(?:ing)? through|complet\\w*|show\\w*)"
            + "|tim(?:ing|ed|es) out|time ?outs?|intermittent(?:ly)?|broken|stuck|missing|degraded|longer than usual|won't|doesn't|don't|aren't|isn't"
            + "|blank|hang(?:s|ing)?|declined|rejected|interrupted|duplicat\\w*|twice|wrong|incorrect(?:ly)?|unreachable|inaccessible|offline|down|drop(?:s|ped|ping)?|empty|stops?|broke|breaks"
            + "|(?:does|do|did) not|nothing happens|nobody can|no one can|no (?:customers?|users?|merchants?|players?) can");
    private static final Terms EN_USERS = Terms.words("users?|customers?|you|your|members?|merchants?|clients?|visitors?|shoppers?|subscribers?"
            + "|players?|drivers?|riders?|patients?|students?|teams?|everyone|people|sellers?|buyers?|guests?|readers?|viewers?|teachers?|staff"
            + "|employees?|agents?|admins?|administrators?|developers?|partners?|tenants?|owners?|hosts?|travell?ers?|passengers?|callers?|creators?|authors?");
    /** Service coming back is impact in users' terms too ("logins work again"). */
    private static final Terms EN_RESTORED = Terms.words("again|back to (?:normal|usual|their usual)|restored|as usual|normally|remains? (?:reachable|available|accessible|online|up)");
    /** A statement of what someone can or cannot do: the heart of impact in users' terms. */
    private static final Terms EN_CAPABILITY = Terms.words("cannot|can't|can not|unable to|not able to|no longer able to|can (?:\\w+ ){1,6}again"
            + "|(?:is|are) able to (?:\\w+ ){1,6}again");

    private static final Terms JA_ACTION = Terms.lemmas("ログイン", "サインイン", "利用", "閲覧", "送信", "受信", "決済", "支払い", "支払う", "購入",
            "注文", "アクセス", "接続", "検索", "保存", "使う", "見る", "アップロード", "ダウンロード", "予約", "配信", "視聴", "再生",
            "登録", "投稿", "編集", "作成", "申し込み", "申込", "送る", "受け取る", "届く", "開く", "読み込み", "読み込む", "同期", "入金", "出金",
            "振込", "送金", "通話", "印刷", "共有", "参加", "確認", "発行", "届け", "送受信", "書き出す", "書き出せる", "出力",
            "アップロード*", "ダウンロード*", "ログイン*", "読み込み*", "表示 速度", "書き出し", "画面 表示");
    private static final Terms JA_IMPAIRED = Terms.any(Terms.lemmas("失敗", "エラー", "遅延", "遅れる", "遅い", "不可", "困難",
            "不安定", "時間 が かかる", "タイムアウト", "途切れる", "止まる", "停止", "不具合", "障害", "繋がる にくい", "つながる にくい", "にくい", "づらい"),
            Terms.pattern("ない状態|なくなって(?:い|お)|真っ白|何も起き|反応(?:が|し)?(?:ない|ません)"));
    /** A negation says something fails unless what it negates is the effect itself (影響を受けておらず, 問題ありません). */
    private static final Terms JA_NEGATION = Terms.any(Terms.lemmas("ない"), Terms.pattern("できない|できず|されない|されず|られない|ません"));
    private static final java.util.regex.Pattern JA_UNAFFECTED = java.util.regex.Pattern.compile(
            "(?:影響|問題|支障)(?:は|を|も|が)?(?:受けて)?(?:おらず|いない|おりません|いません|ありません|ございません|なく|ない)");
    private static final Terms JA_USERS = Terms.any(Terms.lemmas("お客様", "お客さま", "ユーザー", "ユーザ", "利用者", "皆様", "皆さま", "会員", "加盟店",
            "ご 利用", "ご覧", "いただける", "いただく"),
            Terms.pattern("[\\p{IsHan}\\p{IsKatakana}ー]様|(?:の|る|た|ない|多く|一部)方(?:が|は|も|に)"));
    private static final Terms JA_CAPABILITY = Terms.any(Terms.lemmas("できる ない", "できる よう に なる", "れる ない", "られる ない", "える ない", "せる ない",
            "できる なる"), Terms.pattern("(?<!影響の|問題の|支障の)ない状態"));
    private static final Terms JA_RESTORED = Terms.lemmas("再び", "よう に なる", "戻る", "回復", "復旧", "正常", "通常", "できる て おる", "できる て いる");

    private static final Text MESSAGE = Text.of(
            "The update does not say what users cannot do.",
            "利用者が何をできないのかが書かれていません。");
    private static final Text SUGGESTION = Text.of(
            "Say in your users' words what fails for them, e.g. \"Customers cannot log in to the dashboard\" or \"Card payments are declined\".",
            "「一部のお客様が管理画面にログインできません」「カード決済が失敗します」のように、利用者の言葉で何ができないかを書いてください。");

    @Override
    public String id() {
        return "impact";
    }

    @Override
    public Optional<Finding> check(DraftUpdate update, Analysis text, Analysis previous) {
        if (update.resolving()) return Optional.empty();
        boolean ja = update.japanese();
        Terms action = ja ? JA_ACTION : EN_ACTION;
        Terms impaired = ja ? JA_IMPAIRED : EN_IMPAIRED;
        Terms users = ja ? JA_USERS : EN_USERS;
        Terms restored = ja ? JA_RESTORED : EN_RESTORED;
        // While the outage lasts an update says what fails; once a fix is out (monitoring), what works again.
        boolean recovering = update.status() == IncidentStatus.MONITORING;
        for (Sentence s : text.sentences()) {
            boolean hurt = impaired.in(s) || (ja && JA_NEGATION.in(s) && !JA_UNAFFECTED.matcher(s.text()).find());
            boolean people = users.in(s);
            boolean back = recovering && restored.in(s);
            if ((ja ? JA_CAPABILITY : EN_CAPABILITY).in(s)) return Optional.empty();
            if ((action.in(s) && (hurt || back)) || (people && (hurt || back))) return Optional.empty();
        }
        return finding(update, Severity.WARNING, MESSAGE, SUGGESTION);
    }
}
