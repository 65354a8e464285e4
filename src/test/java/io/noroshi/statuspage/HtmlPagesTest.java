package io.noroshi.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.config.Text;
import io.noroshi.uptime.DailyUptime;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlPagesTest {

    private final SiteRenderer renderer = new SiteRenderer();
    private final Snapshot demo = renderer.render(SiteFixture.demo(5));

    private static String html(Snapshot snapshot, String path) {
        Resource resource = snapshot.find(path).orElseThrow(() -> new AssertionError("missing " + path));
        assertThat(resource.contentType()).isEqualTo("text/html; charset=utf-8");
        return new String(resource.body(), StandardCharsets.UTF_8);
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void everyPageExistsInEveryLanguageDefaultAtThePlainPath() {
        assertThat(demo.defaultLanguage()).isEqualTo("en");
        for (String prefix : List.of("", "/ja")) {
            assertThat(demo.resources()).containsKeys(prefix + "/", prefix + "/history", prefix + "/incidents/inc-open",
                    prefix + "/incidents/inc-4", prefix + "/maintenance/mnt-next", prefix + "/maintenance/mnt-done");
        }
        assertThat(demo.resources()).doesNotContainKeys("/en/", "/healthz");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/ja/", "/history", "/ja/history", "/incidents/inc-1", "/ja/maintenance/mnt-active"})
    void pagesHaveLandmarksOneH1ASkipLinkAndTheirLanguage(String path) {
        String page = html(demo, path);
        assertThat(page).startsWith("<!DOCTYPE html>");
        assertThat(page).contains("<html lang=\"" + (path.startsWith("/ja/") ? "ja" : "en") + "\">");
        assertThat(count(page, "<h1")).isEqualTo(1);
        assertThat(page).contains("<a class=\"skip\" href=\"#main\">", "<main id=\"main\"", "<header", "<nav", "<footer");
        assertThat(page).containsPattern("<time datetime=\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+09:00\">");
        assertThat(page).doesNotContain("<script");
        int h2 = page.indexOf("<h2");
        int h3 = page.indexOf("<h3");
        assertThat(h3 < 0 || (h2 >= 0 && h2 < h3)).as("no h3 before the first h2").isTrue();
    }

    @Test
    void homeShowsTheBannerInWordsIncidentsMaintenanceComponentsAndLinks() {
        String page = html(demo, "/");
        assertThat(page).contains("Major service outage", "Web sites unreachable", "Web sites in Tokyo do not respond.",
                "Storage replacement", "In progress", "Scheduled", "Hosting", "Infrastructure", "Major outage", "Operational",
                "Last updated: <time datetime=\"2026-11-25T12:34:56+09:00\">Nov 25, 2026 12:34 (UTC+09:00)</time>",
                "href=\"/history.atom\"", "href=\"/history.rss\"", "href=\"/api/v2/summary.json\"", "href=\"/history\"",
                "href=\"/ja/?lang=ja\"");
        assertThat(page).doesNotContain("mnt-done").as("completed maintenance is history, not news");
    }

    @Test
    void japanesePageUsesJapaneseWordsAndTheJapaneseIncidentText() {
        String page = html(demo, "/ja/");
        assertThat(page).contains("重大な障害が発生しています", "発生中の障害", "調査中", "稼働中", "重大な障害", "メンテナンス中",
                "メンテナンス予定", "最終更新", "サービス一覧", "障害履歴", "Webサイトに接続できない", "東京のWebサイトが応答しません。",
                "2026年11月25日 12:34 (UTC+09:00)", "href=\"/?lang=en\"");
        String incident = html(demo, "/ja/incidents/inc-1");
        assertThat(incident).contains("復旧済み", "原因特定", "中継サーバーのディスクが満杯でした。", "メールは正常に配送されています。");
        assertThat(html(demo, "/incidents/inc-1")).contains("Resolved", "Identified", "A full disk on the relay.");
    }

    @Test
    void updatesAreListedNewestFirst() {
        String page = html(demo, "/incidents/inc-2");
        assertThat(page.indexOf("Mail is delivered normally again.")).isLessThan(page.indexOf("A full disk on the relay."));
        assertThat(page.indexOf("A full disk on the relay.")).isLessThan(page.indexOf("We are investigating mail delays."));
    }

    @Test
    void daysWithoutDataAreLabelledNoDataInGreyNeverUp() {
        var days = new ArrayList<DailyUptime>();
        days.add(new DailyUptime("dns", SiteFixture.TODAY, 86_400, 0, 0, 0));
        days.add(new DailyUptime("dns", SiteFixture.TODAY.minusDays(1), 0, 0, 0, 0));
        days.add(new DailyUptime("dns", SiteFixture.TODAY.minusDays(2), 82_800, 0, 3_600, 0));
        days.add(new DailyUptime("dns", SiteFixture.TODAY.minusDays(3), 75_600, 10_800, 0, 0));
        var quiet = SiteFixture.quiet();
        var data = new PageData(quiet.config(), Map.of(), List.of(), List.of(), List.of(), Map.of("dns", days), SiteFixture.NOW);
        Snapshot snapshot = renderer.render(data);
        String page = html(snapshot, "/");
        assertThat(page).contains("class=\"d-none\" role=\"img\"><title>Nov 24, 2026: no data</title>");
        assertThat(page).contains("class=\"d-up\" role=\"img\"><title>Nov 25, 2026: 100.00% operational</title>");
        assertThat(page).contains("class=\"d-part\" role=\"img\"><title>Nov 23, 2026: 95.83% operational, 1 h outage</title>");
        assertThat(page).as("a degraded day is never a plain 100% day")
                .contains("class=\"d-deg\" role=\"img\"><title>Nov 22, 2026: 87.50% operational, 3 h degraded</title>");
        assertThat(page).contains("Aug 28, 2026: no data").as("the oldest of 90 days");
        assertThat(page).as("three observed days, one hour down; the empty day does not count").contains("<span>98.61% uptime</span>");
        assertThat(count(page, "class=\"d-up\"")).as("only the one observed good day is green").isEqualTo(1);
        assertThat(html(snapshot, "/ja/")).contains("2026年11月24日: データなし");
    }

    @Test
    void historyPagesHoldTenIncidentsWithPrevAndNextLinks() {
        var incidents = new ArrayList<io.noroshi.incident.Incident>();
        for (int i = 1; i <= 25; i++) incidents.add(SiteFixture.resolved("h" + i, Text.of("Past incident " + i), i));
        Snapshot snapshot = renderer.render(SiteFixture.with(incidents));
        assertThat(snapshot.resources()).containsKeys("/history", "/history/2", "/history/3", "/ja/history/3")
                .doesNotContainKeys("/history/1", "/history/4");
        String first = html(snapshot, "/history");
        String second = html(snapshot, "/history/2");
        String third = html(snapshot, "/history/3");
        assertThat(count(first, "<article")).isEqualTo(10);
        assertThat(count(third, "<article")).isEqualTo(5);
        assertThat(first).contains("Past incident 1<", "Past incident 10<").doesNotContain("Past incident 11<")
                .contains("href=\"/history/2\" rel=\"next\"").doesNotContain("rel=\"prev\"").contains("Page 1 of 3");
        assertThat(second).contains("href=\"/history\" rel=\"prev\"", "href=\"/history/3\" rel=\"next\"");
        assertThat(third).contains("href=\"/history/2\" rel=\"prev\"").doesNotContain("rel=\"next\"").contains("Past incident 25<");
        assertThat(html(snapshot, "/ja/history/2")).contains("href=\"/ja/history\" rel=\"prev\"", "3ページ中2ページ目",
                "href=\"/history/2?lang=en\"");
    }

    @Test
    void aPageSaysWhenWhatItShowsLastChangedSoOldPagesKeepTheirBytesAsTimePasses() {
        // inc-2 began 48 h before NOW and was resolved an hour later, its last change: 2026-11-23T04:34:56.789Z = 13:34 JST.
        String incident = html(demo, "/incidents/inc-2");
        assertThat(incident).contains("Last updated: <time datetime=\"2026-11-23T13:34:56+09:00\">Nov 23, 2026 13:34 (UTC+09:00)</time>");
        assertThat(html(demo, "/maintenance/mnt-next")).contains("Last updated: <time datetime=\"2026-11-24T12:34:56+09:00\">");
        // The history page lists the open incident, updated 30 minutes before NOW; the home page says when the site was read.
        assertThat(html(demo, "/history")).contains("Last updated: <time datetime=\"2026-11-25T12:04:56+09:00\">");

        var later = SiteFixture.demo(5);
        later = new PageData(later.config(), later.states(), later.unresolved(), later.history(), later.maintenance(), later.uptime(),
                SiteFixture.NOW.plusSeconds(3600));
        var renderer = new SiteRenderer();
        Snapshot before = renderer.render(SiteFixture.demo(5));
        Snapshot after = renderer.render(later);
        assertThat(after.find("/incidents/inc-2").orElseThrow().etag()).isEqualTo(before.find("/incidents/inc-2").orElseThrow().etag());
        assertThat(after.find("/ja/history").orElseThrow().etag()).isEqualTo(before.find("/ja/history").orElseThrow().etag());
        assertThat(html(after, "/")).contains("Last updated: <time datetime=\"2026-11-25T13:34:56+09:00\">");
    }

    @Test
    void emptyHistoryStillHasOnePage() {
        assertThat(html(renderer.render(SiteFixture.quiet()), "/history")).contains("No incidents reported.");
        assertThat(html(renderer.render(SiteFixture.quiet()), "/")).contains("All systems operational", "No incidents right now.");
    }
}
