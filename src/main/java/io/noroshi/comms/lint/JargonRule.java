package io.noroshi.comms.lint;

import io.noroshi.comms.lint.Finding.Severity;
import io.noroshi.config.Text;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jargon}: words users cannot act on: host names, network addresses, internal ids (tickets,
 * commit hashes, UUIDs), engineering terms, and acronyms not explained where they are used.
 */
final class JargonRule implements LintRule {

    private static final Pattern INTERNALS = Pattern.compile(String.join("|",
            "\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b",                                      // IPv4
            "(?i)\\b(?=[0-9a-f:]*[a-f])[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}\\b|::[0-9a-f]", // IPv6
            "(?i)\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:internal|local|lan|corp|svc|intra|prod|stg|staging|int)\\b", // internal host names
            "(?i)\\b(?:db|web|app|api|node|host|srv|server|worker|redis|pg|mysql|kafka|es|lb|cache|k8s|vm|ip|rack|sw|rtr)-?\\d+[a-z]?\\b",
            "\\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\\d+[a-z]?\\b",                        // machine and queue names: dcs-batch-4, vol-tky-07b
            "\\b(?!(?:mp|ipv|utf|h|x|win|ps)\\d)[a-z]{2,4}\\d{1,2}[a-z]?\\b(?=\\s|\\p{IsHan}|\\p{IsHiragana}|\\p{IsKatakana})", // zone and site codes: sg1, fra2
            "\\b\\d+(?:\\.\\d+){1,3}-[a-z]+\\d*\\b",                                // build ids: 4.18.2-rc3
            "(?<=^|[\\s（(「])/[a-z][a-z0-9._-]*(?:/[a-z0-9._-]+)*",                   // file system paths: /var
            "\\b[45]\\d\\d(?=エラー|を返|番エラー)|(?i:\\b(?:returns?|returned|returning|http)\\s+[45]\\d\\d\\b)", // HTTP status codes
            "\\b[A-Z][A-Z0-9]{1,9}-\\d{2,6}\\b",                                     // ticket ids
            "(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b",  // UUIDs
            "\\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\\d)[0-9a-f]{7,40}\\b",                   // commit hashes
            "(?i)\\b(?:pods?|shards?|replicas?|replication lag|deadlocks?|kernel|segfaults?|heap|garbage collect\\w*|mutex|kubernetes|postgres(?:ql)?"
                    + "|mysql|redis|kafka|nginx|haproxy|elasticsearch|load balancers?|failover|cron ?jobs?|stack traces?|hotfix|p9\\d|5\\d\\d(?:s| errors?)"
                    + "|upstream|connection pool|thread pool|memory leak|rollout|canary|config(?:uration)? push|hypervisor|subnet|vpc|iops|ttl|cname|egress|ingress)\\b",
            "レプリカ|シャード|デッドロック|ポッド|フェイルオーバー|フェールオーバー|ロードバランサ|カーネル|ヒープ|コネクションプール|スレッドプール|メモリリーク"
                    + "|クラスタ|インスタンス|コンテナ|ハイパーバイザ|サブネット|アップストリーム|カナリア"));
    private static final Pattern ACRONYM = Pattern.compile("(?<![A-Za-z\\d(（])([A-Z][A-Z0-9]{1,5})(?:s)?(?![A-Za-z\\d])");
    private static final Pattern TIME_BEFORE = Pattern.compile("(?i)(?:\\d{1,2}[:.]\\d{2}|\\d\\s?[ap]\\.?m\\.?)\\s*\\(?$");
    /** Acronyms every reader knows (time zones, countries, everyday technology). */
    private static final Set<String> KNOWN = Set.of("API", "URL", "FAQ", "SMS", "PDF", "CSV", "US", "USA", "EU", "UK", "JST", "UTC", "GMT",
            "PST", "PDT", "EST", "EDT", "CST", "CDT", "CET", "CEST", "BST", "AEST", "AM", "PM", "ID", "IDS", "OK", "TV", "PC", "CEO", "CTO", "ETA", "IT",
            "APAC", "EMEA", "FAQS", "PIN", "QR", "NOT", "ALL", "NO", "NOTE", "UPDATE", "RESOLVED", "IMPORTANT", "ATM", "VAT", "HR", "AI", "USB",
            "WEB", "APP", "IOS", "ASAP", "FYI", "POS", "SSO", "MFA", "2FA", "PRO", "VIP",
            "SIM", "GPS", "NFC", "VPN", "DVD", "CD", "WIFI", "HD", "4G", "5G", "LTE", "JPY", "USD", "EUR", "KB", "MB", "GB", "TB");

    private static final Text MESSAGE = Text.of(
            "The update uses words your users cannot act on: %s.",
            "利用者が理解・対応できない用語が含まれています：%s。");
    private static final Text SUGGESTION = Text.of(
            "Leave out host names, addresses and internal ids, and say what a technical term means for users (or explain an acronym where you use it).",
            "ホスト名・IPアドレス・社内IDは省き、技術用語は利用者にとっての意味に言い換えてください（略語は初出で説明してください）。");

    @Override
    public String id() {
        return "jargon";
    }

    @Override
    public Optional<Finding> check(DraftUpdate update, Analysis text, Analysis previous) {
        String found = first(update.text());
        if (found == null) return Optional.empty();
        String lang = update.language();
        return Optional.of(new Finding(id(), Severity.WARNING, MESSAGE.in(lang).formatted("\"" + found + "\""), SUGGESTION.in(lang)));
    }

    /** The first jargon in {@code text}, or null. */
    private static String first(String text) {
        Matcher internal = INTERNALS.matcher(text);
        if (internal.find()) return internal.group();
        Matcher acronym = ACRONYM.matcher(text);
        while (acronym.find()) {
            String word = acronym.group(1);
            if (KNOWN.contains(word) || word.chars().allMatch(Character::isDigit)) continue;
            if (explained(text, acronym.start(), acronym.end()) || timeZone(text, acronym.start())) continue;
            return word;
        }
        return null;
    }

    /** "14:30 CLT", "2pm NZDT", "(BRT)" after a time: a time zone, whatever its letters. */
    private static boolean timeZone(String text, int start) {
        return TIME_BEFORE.matcher(text.substring(Math.max(0, start - 12), start)).find();
    }

    /** "Border Gateway Protocol (BGP)" or "BGP (the routes between networks)" or "BGP（経路情報）". */
    private static boolean explained(String text, int start, int end) {
        int after = end;
        while (after < text.length() && text.charAt(after) == ' ') after++;
        if (after < text.length() && (text.charAt(after) == '(' || text.charAt(after) == '（')) return true;
        int before = start - 1;
        return before >= 0 && (text.charAt(before) == '(' || text.charAt(before) == '（');
    }
}
