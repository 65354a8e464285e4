package io.noroshi.comms.lint;

import io.noroshi.comms.lint.Finding.Severity;
import io.noroshi.config.Text;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code scope}: an open incident's update says which services, regions or customers are
 * affected: a product surface (the dashboard, the API, card payments), a region, a group of
 * customers, or one of the status page's own component names.
 */
final class ScopeRule implements LintRule {

    /** Groups of customers narrower than "users" or "people": who is affected, not only how many. */
    private static final String GROUPS = "merchants|sellers|drivers|riders|players|students|teachers|patients|tenants|guests|subscribers"
            + "|developers|partners|shoppers|buyers|viewers|readers|travell?ers|passengers|clinics|hotels|(?:business|enterprise|pro|free) accounts";

    /**
     * Reports as a product ("the sales reports"), not the word for what customers tell us: "reports of
     * problems", "users report that", "we are getting reports" name no part of the service.
     */
    private static final String REPORTS = "(?<!(?:users|customers|people|getting|investigating|received|receiving|seeing) )reports?"
            + "(?! (?:of|that|from|about)\\b)";

    private static final Terms EN = Terms.any(
            Terms.words("api|apis|website|web ?site|site|dashboard|mobile apps?|apps?|ios|android|checkout|login page|sign-in page|admin (?:console|panel)"
                    + "|console|portal|(?<!by )e-?mails?|mailbox(?:es)?|inbox(?:es)?|notifications?|sms|text messages|billing|payments?|card payments|invoices?|search"
                    + "|webhooks?|storage|uploads?|downloads?|videos?|chat|messaging|calls?|" + REPORTS + "|accounts?|orders?|bookings?|checkout page|store|shop|cart"
                    + "|help ?desk|support portal|file sharing|backups?|sync|desktop client|browser extension|integrations?|documents?|files?|folders?|photos?"
                    + "|contacts|calendars?|statements?|online banking|labels?|shipments?|galler(?:y|ies)|(?<!error )messages?(?! (?:that|saying)\\b)|invoices?|sign-?in|log-?in"
                    + "|region|regions|europe|european|north america|asia|asia-pacific|apac|japan|tokyo|osaka|london|frankfurt|singapore|sydney|worldwide"
                    + "|global(?:ly)?|countr(?:y|ies)|east coast|west coast|plans?|tiers?|enterprise|all (?:of )?(?:our )?(?:users|customers|accounts)"
                    + "|some (?:of )?(?:our )?(?:accounts)"
                    + "|\\d+\\s?%|\\d+ percent|control panel|webmail|help cent(?:er|re)|" + GROUPS + "|all (?:of )?(?:our )?(?:" + GROUPS + ")"),
            // a place named after "in", "from" or "across": customers in Sweden, riders across Paris
            Terms.pattern("\\b(?:in|from|across|at our) (?!(?:January|February|March|April|May|June|July|August|September|October|November|December"
                    + "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|English|Japanese)\\b)[A-Z][a-z]{2,}"),
            Terms.pattern("\\b(?:US|EU|UK|APAC|EMEA)\\b"),
            ScopeRule::namesAPart);

    private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile(
            "(?i)([a-z][a-z-]{2,})\\s+(?:pages?|portals?|systems?|services?|apps?|sites?|cent(?:er|re)s?|forums?|tools?|features?|platforms?|terminals?)\\b");
    private static final java.util.Set<String> NOT_A_NAME = java.util.Set.of("our", "the", "this", "that", "its", "your", "their", "some", "all",
            "internal", "backend", "core", "whole", "entire", "main");

    /** A named part: "the tracking page", "the reporting system", "the help center" (not "our system"). */
    private static boolean namesAPart(Sentence s) {
        var m = PART.matcher(s.text());
        while (m.find()) {
            int start = m.start(1);
            if (start > 0 && Character.isLetter(s.text().charAt(start - 1))) continue;
            if (!NOT_A_NAME.contains(m.group(1).toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }
    private static final Terms JA = Terms.any(Terms.lemmas("API", "サイト*", "管理画面*", "アプリ*", "通知", "決済", "支払い",
            "請求*", "検索", "ストレージ", "アップロード*", "ダウンロード*", "動画", "チャット", "通話", "レポート", "アカウント", "注文", "予約", "ショップ*",
            "カート", "ポータル", "ダッシュボード", "ログイン画面*", "ページ*", "地域", "東日本", "西日本", "関東", "関西", "東京", "大阪",
            "国内", "海外", "全国", "リージョン", "プラン*", "法人", "%", "割", "パーセント", "エリア", "店舗", "カード*", "銀行*", "振込", "送金", "配信",
            "会員", "iOS", "Android", "サポート*", "ヘルプ*", "フォーム", "同期", "バックアップ", "ドキュメント*", "ファイル*", "フォルダ*", "写真*",
            "連絡先", "カレンダー", "明細", "ラベル", "出荷", "ギャラリー", "メッセージ*", "ヨーロッパ", "アジア", "北米", "米国", "欧州"),
            Terms.pattern("(?:一部|すべて|全て|全|多く|大半|ほとんど|ほぼすべて)の(?:お客様|お客さま|ユーザー|利用者|会員|アカウント|地域|店舗|加盟店)"
                    + "|メール(?!で(?:ご連絡|お知らせ|確認|ご案内))"));

    private static final Text MESSAGE = Text.of(
            "The update does not say which services, regions or customers are affected.",
            "影響を受けるサービス・地域・お客様の範囲が書かれていません。");
    private static final Text SUGGESTION = Text.of(
            "Name the affected service and who is affected, e.g. \"the mobile app, for customers in Europe\" or \"all accounts on the Pro plan\".",
            "「ヨーロッパのお客様のモバイルアプリ」「Proプランの全アカウント」のように、影響のあるサービスと範囲を書いてください。");

    @Override
    public String id() {
        return "scope";
    }

    @Override
    public Optional<Finding> check(DraftUpdate update, Analysis text, Analysis previous) {
        if (update.resolving()) return Optional.empty();
        Terms terms = update.japanese() ? JA : EN;
        if (terms.inAny(text.sentences())) return Optional.empty();
        for (Sentence s : text.sentences()) {
            String lower = s.text().toLowerCase(Locale.ROOT);
            for (String name : update.names()) {
                if (!name.isBlank() && lower.contains(name.toLowerCase(Locale.ROOT))) return Optional.empty();
            }
        }
        return finding(update, Severity.WARNING, MESSAGE, SUGGESTION);
    }
}
