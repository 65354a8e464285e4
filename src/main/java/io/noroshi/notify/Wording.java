package io.noroshi.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The fixed words of notices in English and Japanese: impact labels, statuses, the shape of a headline. */
final class Wording {

    private Wording() {
    }

    static String impact(String impact, String lang) {
        boolean ja = lang.equals("ja");
        return switch (impact) {
            case "critical" -> ja ? "重大障害" : "Critical outage";
            case "major" -> ja ? "障害" : "Major outage";
            case "minor" -> ja ? "一部障害" : "Partial outage";
            default -> ja ? "お知らせ" : "Notice";
        };
    }

    static String resolved(String lang) {
        return lang.equals("ja") ? "復旧" : "Resolved";
    }

    static String maintenance(String lang) {
        return lang.equals("ja") ? "メンテナンス" : "Maintenance";
    }

    /** "Major outage: Mail is delayed" / "【障害】メールの遅延". */
    static String title(String label, String name, String lang) {
        return lang.equals("ja") ? "【" + label + "】" + name : label + ": " + name;
    }

    static String status(String status, String lang) {
        boolean ja = lang.equals("ja");
        return switch (status) {
            case "investigating" -> ja ? "調査中" : "Investigating";
            case "identified" -> ja ? "原因特定" : "Identified";
            case "monitoring" -> ja ? "経過観察中" : "Monitoring";
            case "resolved" -> ja ? "復旧済み" : "Resolved";
            case "scheduled" -> ja ? "予定" : "Scheduled";
            case "in_progress" -> ja ? "実施中" : "In progress";
            case "verifying" -> ja ? "確認中" : "Verifying";
            case "completed" -> ja ? "完了" : "Completed";
            case "cancelled" -> ja ? "中止" : "Cancelled";
            case "operational" -> ja ? "稼働中" : "Operational";
            case "degraded_performance" -> ja ? "性能低下" : "Degraded performance";
            case "partial_outage" -> ja ? "一部障害" : "Partial outage";
            case "major_outage" -> ja ? "重大な障害" : "Major outage";
            case "under_maintenance" -> ja ? "メンテナンス中" : "Under maintenance";
            default -> status;
        };
    }

    static String window(Instant from, Instant until, ZoneId zone, String lang) {
        var format = DateTimeFormatter.ofPattern(lang.equals("ja") ? "uuuu年M月d日 HH:mm" : "uuuu-MM-dd HH:mm").withZone(zone);
        String z = zone.getId();
        return (lang.equals("ja") ? "\n\n予定: " : "\n\nWindow: ") + format.format(from) + " – " + format.format(until) + " (" + z + ")";
    }
}
