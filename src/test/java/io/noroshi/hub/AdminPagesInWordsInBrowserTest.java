package io.noroshi.hub;

import static io.noroshi.monitor.HubUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.noroshi.audit.AuditRule;
import io.noroshi.audit.Finding;
import io.noroshi.audit.Severity;
import io.noroshi.monitor.Verdict;
import io.noroshi.testing.Axe;
import io.noroshi.testing.Browser;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part 4 of issue 12 on every admin page: what a tired operator reads is names and words, and times in the
 * page's time zone (Asia/Tokyo here) with how long ago, UTC on hover; never an id, a snake_case status or an
 * ISO/epoch time. Each page in Chromium in English and Japanese browsers, light and dark, desktop and phone
 * width, with axe finding no violations. The data: an incident opened and updated through the pages, a token
 * and an operator added, a monitor that is down, and findings of the live DNS audit.
 */
class AdminPagesInWordsInBrowserTest {

    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final Pattern EPOCH = Pattern.compile("\\b1[6-9]\\d{8,11}\\b");
    private static final Pattern SNAKE = Pattern.compile("\\b[a-z]+_[a-z_]+\\b");
    private static final Pattern LOCAL_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} JST \\((just now|\\d+ (minute|hour|day)s? ago)\\)");

    @TempDir
    static Path dir;
    static ServerSocket closed;
    static AdminHub admin;
    static Browser browser;
    static String incidentId;

    @BeforeAll
    static void start() throws Exception {
        // a port nothing answers on: the monitor goes down
        int port;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path badAsn = Files.writeString(dir.resolve("pfx2as.txt"), "not pfx2as\n");
        Path config = Files.writeString(dir.resolve("noroshi.yaml"), """
                page: {name: Acme, time_zone: Asia/Tokyo}
                sites: [{id: dc1}]
                components:
                  - {id: web, name: {en: Web site, ja: ウェブサイト}}
                  - {id: mail, name: {en: Mail, ja: メール}}
                monitors:
                  - {id: www, kind: tcp, host: 127.0.0.1, port: %d, interval: 1s, timeout: 2s, component: web}
                audit:
                  domains: [acme.test]
                  asn_db: %s
                """.formatted(port, badAsn));
        admin = new AdminHub(dir.resolve("data"), config);
        browser = new Browser();
        Files.createDirectories(Path.of("target", "screenshots"));

        Page page = loggedIn("en-US", false, 1200);
        page.fill("#name_en", "Mail delayed WORDS1");
        page.fill("#new-incident #body_en", "Looking into it.");
        page.selectOption("#new-incident #component-mail", "partial_outage");
        page.click("#new-incident button[type=submit]");
        incidentId = page.url().substring(page.url().lastIndexOf('/') + 1);
        page.selectOption("#update-form #status", "identified");
        page.fill("#update-form #body_en", "A full queue WORDS1.");
        page.click("#update-form button[type=submit]");
        page.navigate(admin.url("/admin/tokens"));
        page.fill("#token-name", "ci-bot");
        page.click("form.box button[type=submit]");
        page.navigate(admin.url("/admin/operators"));
        page.fill("#op-email", "second@example.com");
        page.fill("#op-password", "another long password");
        page.click("form.box button[type=submit]");
        page.context().close();

        var findings = admin.hub.database().auditFindings();
        var now = Instant.now();
        var single = new Finding(AuditRule.DNS_NS_COUNT, Severity.WARNING, "acme.test has one nameserver", List.of("NS ns1.acme.test."));
        var gone = new Finding(AuditRule.DNS_NS_UNRESOLVABLE, Severity.ERROR, "ns2.acme.test does not resolve", List.of("NS ns2.acme.test."));
        findings.recordRun("acme.test", now.minus(Duration.ofHours(3)), List.of(single, gone));
        findings.recordRun("acme.test", now.minus(Duration.ofMinutes(40)), List.of(single));
        assertThat(await(Duration.ofSeconds(60), () -> admin.hub.monitoring().engine().verdict("www") == Verdict.DOWN)).isTrue();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (admin != null) admin.close();
    }

    @Test
    void theAuditLogNamesWhatWasChangedAndWhatWasDone() {
        Page page = loggedIn("en-US", false, 1200);
        page.navigate(admin.url("/admin/audit"));
        String log = page.innerText("#audit-log");
        assertThat(log).contains("Opened the incident").contains("Posted an update").contains("Created an API token")
                .contains("Added an operator").contains("Logged in")
                .contains("Incident “Mail delayed WORDS1”").contains("API token “ci-bot”").contains("Operator second@example.com")
                .doesNotContain("incident/").doesNotContain(incidentId).doesNotContain("incident.update").doesNotContain("token/");
        assertThat(page.getAttribute("#audit-log a:has-text('Mail delayed WORDS1') >> nth=0", "href")).isEqualTo("/admin/incidents/" + incidentId);
        assertThat(page.getAttribute("#audit-log td[title='incident/" + incidentId + "'] >> nth=0", "title")).isEqualTo("incident/" + incidentId);
        page.navigate(admin.url("/admin/incidents/" + incidentId));
        assertThat(page.innerText("#audit-log")).contains("Posted an update").contains("Incident “Mail delayed WORDS1”");
    }

    @Test
    void findingsAndMonitoringShowTimesInThePagesZoneWithHowLongAgoAndUtcOnHover() {
        Page page = loggedIn("en-US", false, 1200);
        page.navigate(admin.url("/admin/findings"));
        String row = page.innerText("#domain-acme\\.test tr[data-rule='dns.ns.count']");
        assertThat(row).containsPattern(LOCAL_TIME).contains("(3 hours ago)").containsPattern("JST \\(\\d+ minutes ago\\)").contains("Warning").contains("Open");
        assertThat(page.innerText("#domain-acme\\.test tr[data-rule='dns.ns.unresolvable']")).contains("Resolved").contains("Error");
        assertThat(page.getAttribute("#domain-acme\\.test tr[data-rule='dns.ns.count'] time >> nth=0", "title")).endsWith(" UTC");

        page.navigate(admin.url("/admin/monitoring"));
        String monitor = page.innerText("#monitor-www");
        assertThat(monitor).contains("component Web site").containsPattern(LOCAL_TIME).doesNotContain("component web");
        assertThat(page.getAttribute("#monitor-www tr[data-vantage=hub] time", "title")).endsWith(" UTC");
        page.navigate(admin.url("/admin/monitoring/www"));
        assertThat(page.innerText("#recent")).containsPattern(LOCAL_TIME);
    }

    @Test
    void everyAdminPageInEnglishAndJapaneseLightAndDarkDesktopAndPhoneShowsNoIdsNoSnakeCaseNoRawTimes() {
        record Look(String locale, boolean dark, int width) {
        }
        var looks = List.of(new Look("en-US", false, 1200), new Look("ja-JP", true, Browser.PHONE_WIDTH),
                new Look("ja-JP", false, 1200), new Look("en-US", true, Browser.PHONE_WIDTH));
        var paths = List.of("/admin/incidents", "/admin/incidents/" + incidentId, "/admin/incidents/" + incidentId + "/communication",
                "/admin/maintenance", "/admin/components", "/admin/tokens", "/admin/operators", "/admin/audit", "/admin/failure-domains",
                "/admin/findings", "/admin/monitoring", "/admin/monitoring/www", "/admin/notifications", "/admin/subscribers",
                "/admin/mirrors", "/admin/lint");
        for (Look look : looks) {
            Page page = loggedIn(look.locale(), look.dark(), look.width());
            for (String path : paths) {
                var response = page.navigate(admin.url(path));
                String where = path + " (" + look + ")";
                assertThat(response.status()).as(where).isEqualTo(200);
                // What a person reads: the main part without code samples, raw JSON and closed details.
                String text = (String) page.evaluate("""
                        () => { const m = document.querySelector('main').cloneNode(true);
                                m.querySelectorAll('code, pre, details, select, textarea, input').forEach(e => e.remove());
                                return m.innerText; }""");
                assertThat(text).as(where).doesNotContainPattern(ISO_TIME).doesNotContainPattern(EPOCH).doesNotContainPattern(SNAKE)
                        .doesNotContain(incidentId);
                for (var time : page.locator("main time").all()) {
                    assertThat(time.getAttribute("title")).as(where).endsWith(" UTC");
                    assertThat(time.innerText()).as(where).endsWith(" JST");
                }
                assertThat(page.evaluate("getComputedStyle(document.body).backgroundColor")).as(where)
                        .isEqualTo(look.dark() ? "rgb(13, 17, 23)" : "rgb(255, 255, 255)");
                Axe.assertNoViolations(page);
                if (look.equals(looks.getFirst()) || look.equals(looks.get(1))) {
                    String name = "admin" + path.replace("/admin", "").replace(incidentId, "incident").replace('/', '-')
                            + (look.width() == Browser.PHONE_WIDTH ? "-phone" : "") + (look.dark() ? "-dark" : "") + ".png";
                    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name)).setFullPage(true));
                }
            }
            page.context().close();
        }
    }

    /** English labels of the admin pages that must not show in a Japanese browser (none is in the test's data). */
    private static final List<String> ENGLISH_LABELS = List.of("Incidents", "Status", "Impact", "Search", "Log out", "Since", "Vantage point",
            "Delivery log", "Audit log", "Updates", "Post an update", "Notify subscribers", "Create a token", "Add an operator", "No findings",
            "Last run", "Channels", "Export CSV", "Failure domains", "Back to the incident", "Agents", "Public page", "Operators",
            "Investigating", "Identified", "Partial outage", "Operational", "The same as JSON");

    @Test
    void everyAdminPageInAJapaneseBrowserSpeaksJapaneseWithNoEnglishLabelLeft() {
        record Expect(String path, String heading, List<String> texts) {
        }
        var pages = List.of(
                new Expect("/admin/incidents", "障害", List.of("障害を登録", "名前（英語）", "影響度", "一部障害", "原因特定", "第一報の下書き")),
                new Expect("/admin/incidents/" + incidentId, "Mail delayed WORDS1", List.of("更新を投稿", "障害を解決済みにする", "購読者に通知する",
                        "影響を受けているコンポーネントの現在の状態", "監査ログ", "更新を投稿")),
                new Expect("/admin/incidents/" + incidentId + "/communication", "連絡体制", List.of("障害に戻る", "事後報告書")),
                new Expect("/admin/maintenance", "メンテナンス", List.of("メンテナンスを予定する", "開始（UTC", "お知らせ（日本語）")),
                new Expect("/admin/components", "コンポーネント", List.of("手動設定", "ウェブサイト", "メール", "設定")),
                new Expect("/admin/tokens", "API トークン", List.of("トークンを作成", "権限", "閲覧")),
                new Expect("/admin/operators", "オペレーター", List.of("オペレーターを追加", "パスワード（10 文字以上）")),
                new Expect("/admin/audit", "監査ログ", List.of("障害を登録", "更新を投稿", "API トークンを作成", "オペレーターを追加", "ログイン",
                        "障害「Mail delayed WORDS1」")),
                new Expect("/admin/failure-domains", "障害ドメイン", List.of("止まるものを選んでください", "noroshi.yaml の構成監査")),
                new Expect("/admin/findings", "DNS 監査の指摘", List.of("警告", "未解決", "解決済み", "最終監査", "初回検出")),
                new Expect("/admin/monitoring", "監視", List.of("判定時刻", "停止", "監視拠点", "コンポーネント ウェブサイト", "エージェント")),
                new Expect("/admin/monitoring/www", "監視 www", List.of("すべての監視", "直近 1 時間の結果", "応答時間")),
                new Expect("/admin/notifications", "通知", List.of("チャンネル", "配信ログ", "購読者 0 件")),
                new Expect("/admin/subscribers", "購読者", List.of("CSV を取り込む", "メールアドレスまたは URL", "英語")),
                new Expect("/admin/mirrors", "ミラー", List.of("ミラーが設定されていません")),
                new Expect("/admin/lint", "更新文のチェック", List.of("本文（英語）", "見込みの確度", "チェック")),
                new Expect("/admin/drafts", "第一報の下書き", List.of("第一報（日本語）", "コンポーネントウェブサイト", "影響度大", "に自動で公開されます", "引き継ぐ")));
        Page page = loggedIn("ja-JP", false, 1200);
        for (Expect expect : pages) {
            page.navigate(admin.url(expect.path()));
            String where = expect.path();
            assertThat(page.getAttribute("html", "lang")).as(where).isEqualTo("ja");
            assertThat(page.innerText("main h1")).as(where).contains(expect.heading());
            // what a person reads, without code samples, generated documents (the Markdown report) and what people wrote
            String text = (String) page.evaluate("""
                    () => { const b = document.body.cloneNode(true);
                            b.querySelectorAll('code, pre, script, textarea').forEach(e => e.remove());
                            return b.innerText; }""");
            for (String japanese : expect.texts()) assertThat(text).as(where).contains(japanese);
            for (String english : ENGLISH_LABELS) assertThat(text).as(where).doesNotContain(english);
            assertThat(page.innerText("#language-switch")).as(where).isEqualTo("English");
        }
        page.context().close();
    }

    @Test
    void aRefusedFormInJapaneseShowsTheJapaneseErrorBesideItsFieldAndAxeFindsNothing() {
        Page page = loggedIn("ja-JP", false, 1200);
        page.navigate(admin.url("/admin/incidents"));
        page.fill("#new-incident #body_en", "Looking into it REFUSED1.");
        page.click("#new-incident button[type=submit]");
        assertThat(page.getAttribute("html", "lang")).isEqualTo("ja");
        assertThat(page.innerText("#name_en-error")).isEqualTo("障害の名前を英語か日本語で入力してください");
        assertThat(page.getAttribute("#name_en", "aria-describedby")).isEqualTo("name_en-error");
        assertThat(page.innerText("main p.error")).contains("フォームは保存されていません");
        assertThat(page.inputValue("#new-incident #body_en")).isEqualTo("Looking into it REFUSED1.");
        Axe.assertNoViolations(page);

        page.navigate(admin.url("/admin/maintenance"));
        page.fill("#name_en", "Switch swap REFUSED2");
        page.fill("#scheduled_for", "tomorrow");
        page.fill("#scheduled_until", "2030-01-01T10:00:00Z");
        page.click("#schedule-form button[type=submit]");
        assertThat(page.innerText("#scheduled_for-error")).isEqualTo("UTC の時刻で入力してください（例：2026-03-01T09:00:00Z）");
        Axe.assertNoViolations(page);
        page.context().close();
    }

    @Test
    void theLanguageSwitchWorksWithoutJavaScriptAndIsRemembered() {
        Page page = loggedIn("ja-JP", false, 1200);
        page.navigate(admin.url("/admin/components"));
        assertThat(page.getAttribute("html", "lang")).isEqualTo("ja");
        page.click("#language-switch a");
        assertThat(page.getAttribute("html", "lang")).isEqualTo("en");
        assertThat(page.innerText("main h1")).isEqualTo("Components");
        page.navigate(admin.url("/admin/incidents"));
        assertThat(page.getAttribute("html", "lang")).isEqualTo("en");
        assertThat(page.innerText("#language-switch")).isEqualTo("日本語");
        assertThat(page.innerText("main")).contains("Open an incident");
        page.click("#language-switch a");
        assertThat(page.innerText("main")).contains("障害を登録");
        page.context().close();
    }

    private static Page loggedIn(String locale, boolean dark, int width) {
        return admin.loggedIn(browser, locale, dark, width);
    }
}
