package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.noroshi.incident.Incident;
import io.noroshi.testing.Axe;
import io.noroshi.testing.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo's public page in Chromium, at a fixed moment: degraded days and today's state in the bars,
 * relative times beside absolute ones (in the HTML, no script), resolved incidents with their end and
 * length and their title once. In English and Japanese, light and dark, desktop and phone width, with axe.
 */
class PublicPageTellsTheTruthInBrowserTest {

    /** 12:30 JST: the demo's open incident began 40 minutes before. */
    static final Instant NOW = Instant.parse("2026-03-10T03:30:00Z");

    @TempDir
    static Path data;
    static Hub hub;
    static Browser browser;
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws Exception {
        hub = Hub.start(new HubOptions(null, true, "127.0.0.1", 0, data, null), Clock.fixed(NOW, ZoneOffset.UTC));
        browser = new Browser();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (hub != null) hub.close();
    }

    @ParameterizedTest(name = "{0} dark={1} width={2}")
    @CsvSource({
            "en-US, false, 1200, '(40 minutes ago)', 'now: Degraded performance', 'Mar 10, 2026: 100.00% operational'",
            "en-US, true,  390,  '(40 minutes ago)', 'now: Degraded performance', 'Feb 26, 2026: 77.56% operational, 50 min degraded, 4 h 33 min outage'",
            "ja-JP, false, 390,  '(40分前)',         '現在: 性能低下',              '正常稼働'",
            "ja-JP, true,  1200, '(40分前)',         '現在: 性能低下',              '停止 4時間33分'",
    })
    void theHomePageTellsTheTruthAtAGlance(String locale, boolean dark, int width, String ago, String now, String someDay) {
        Page page = browser.newPage(locale, dark, width);
        page.navigate(url("/"));
        assertThat(page.innerText("main")).contains(ago);
        var todayOfControlPanel = page.locator("#component-control-panel rect").last();
        assertThat(todayOfControlPanel.getAttribute("class")).as("today's bar from the current state").isEqualTo("d-deg");
        assertThat(todayOfControlPanel.locator("title").textContent()).contains(now);
        assertThat(page.locator("svg.bars title").allTextContents()).anySatisfy(t -> assertThat(t).contains(someDay));
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve("home-" + locale + (dark ? "-dark-" : "-light-") + width + ".png")));
        Axe.assertNoViolations(page);
    }

    @Test
    void theDaysOfTheSeededOutageShowInTheBars() {
        Page page = browser.newPage("en-US", false, 1200);
        page.navigate(url("/"));
        var web = page.locator("#component-web-hosting rect");
        var outageDay = web.nth(web.count() - 1 - 12);
        assertThat(outageDay.getAttribute("class")).isEqualTo("d-down");
        assertThat(outageDay.locator("title").textContent()).isEqualTo("Feb 26, 2026: 77.56% operational, 50 min degraded, 4 h 33 min outage");
    }

    @Test
    void relativeTimesAreInTheHtmlWithoutScript() throws Exception {
        var body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/"))).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body).contains("<span class=\"ago\">(40 minutes ago)</span>", "<span class=\"ago\">(12 minutes ago)</span>")
                .doesNotContain("<script");
    }

    @ParameterizedTest(name = "{0} dark={1} width={2}")
    @CsvSource({
            "en-US, false, 1200, 'Resolved:', 'Lasted: 5 h 16 min'",
            "ja-JP, true,  390,  '解決:',      '継続時間: 5時間16分'",
    })
    void aResolvedIncidentsPageSaysWhenItEndedHowLongItLastedAndItsTitleOnce(String locale, boolean dark, int width,
                                                                              String resolved, String lasted) {
        Incident outage = hub.database().incidents().history(0, 100).stream()
                .filter(i -> i.name().in("en").startsWith("Web hosting and mail unavailable")).findFirst().orElseThrow();
        Page page = browser.newPage(locale, dark, width);
        page.navigate(url("/incidents/" + outage.id()));
        String title = outage.name().in(locale.substring(0, 2));
        assertThat(page.locator("h1").innerText()).isEqualTo(title);
        assertThat(page.innerText("main").split(java.util.regex.Pattern.quote(title), -1)).as("the title once").hasSize(2);
        assertThat(page.innerText("main")).contains(resolved).contains(lasted);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve("incident-" + locale + (dark ? "-dark-" : "-light-") + width + ".png")));
        Axe.assertNoViolations(page);
    }

    @ParameterizedTest(name = "{0} {1} dark={2}")
    @CsvSource({"/history, en-US, false", "/ja/history, ja-JP, true"})
    void otherPublicPagesPassAxe(String path, String locale, boolean dark) {
        Page page = browser.newPage(locale, dark, Browser.PHONE_WIDTH);
        page.navigate(url(path));
        Axe.assertNoViolations(page);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + hub.port() + path;
    }
}
