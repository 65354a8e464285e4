package io.noroshi.notify.channel;

import io.noroshi.notify.Notice;

/** The words every chat and social channel shares, in the notice's language: headline, status line, link label. */
public final class NoticeText {

    private NoticeText() {
    }

    /** {@code [Sakura Hosting] Major outage: Mail is delayed}; the title is already in the reader's language. */
    public static String headline(Notice notice) {
        return "[" + notice.pageName() + "] " + notice.title();
    }

    /** {@code Status: Investigating} / {@code 状況: 調査中}, or empty when the notice has no status. */
    public static String status(Notice notice) {
        return notice.status().filter(s -> !s.isBlank())
                .map(s -> (japanese(notice) ? "状況: " : "Status: ") + s)
                .orElse("");
    }

    /** The body with the status line in front of it, as most media show it. */
    public static String statusAndBody(Notice notice) {
        return TextFit.join("\n", status(notice), notice.body().strip());
    }

    /** The label of a button or link to the incident's page. */
    public static String linkLabel(Notice notice) {
        return japanese(notice) ? "ステータスページで見る" : "View on the status page";
    }

    public static String link(Notice notice) {
        return notice.link().toString();
    }

    /** A colour for the impact, as an RGB integer (embeds and cards that take one). */
    public static int impactColour(Notice notice) {
        return switch (notice.impact()) {
            case "critical" -> 0xD0021B;
            case "major" -> 0xF5A623;
            case "minor" -> 0xF8E71C;
            default -> 0x4A90E2;
        };
    }

    private static boolean japanese(Notice notice) {
        return "ja".equals(notice.lang());
    }
}
