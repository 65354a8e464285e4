package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Text;
import io.noroshi.incident.AffectedComponent;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore.NewUpdate;
import io.noroshi.testing.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo hub as a reader sees it: a real Chromium against the hub on loopback. */
class DemoHubInBrowserTest {

    @TempDir
    static Path data;
    static Hub hub;
    static Browser browser;
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws Exception {
        hub = Hub.start(new HubOptions(null, true, "127.0.0.1", 0, data, null), Clock.systemUTC());
        browser = new Browser();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (hub != null) hub.close();
    }

    @Test
    void englishPageShowsTheActiveIncidentAndComponents() {
        Page page = browser.newPage();
        page.navigate(url("/"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("demo-en.png")).setFullPage(true));
        String text = page.innerText("body");
        assertThat(text).contains("Control panel is slow");
        assertThat(text).contains("Web hosting").contains("Mail").contains("DNS");
        assertThat(page.locator("main").count()).isEqualTo(1);
        assertThat(page.locator("h1").count()).isEqualTo(1);
    }

    @Test
    void japanesePageShowsJapaneseTextByParameterAndByAcceptLanguage() {
        Page page = browser.newPage();
        page.navigate(url("/?lang=ja"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("demo-ja.png")).setFullPage(true));
        assertThat(page.innerText("body")).contains("コントロールパネルの動作が遅くなっています");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("ja");

        Page negotiated = browser.newPage("ja-JP");
        negotiated.navigate(url("/"));
        assertThat(negotiated.innerText("body")).contains("コントロールパネルの動作が遅くなっています");
    }

    @Test
    void incidentTextWithScriptShowsAsTextAndRunsNothing() {
        String hostile = "<script>window.__pwned = 1; alert('x')</script><img src=x onerror=\"window.__pwned=2\">";
        var incident = hub.database().incidents().open(Text.of("Hostile " + hostile, "敵対的 " + hostile), Impact.MINOR,
                new NewUpdate(IncidentStatus.INVESTIGATING, Text.of(hostile, hostile), Clock.systemUTC().instant(),
                        List.of(new AffectedComponent("mail", ComponentStatus.OPERATIONAL, ComponentStatus.DEGRADED_PERFORMANCE))));
        hub.publisher().publishNow();
        var dialogs = new AtomicInteger();
        for (String path : List.of("/", "/incidents/" + incident.id(), "/ja/")) {
            Page page = browser.newPage();
            page.onDialog(d -> {
                dialogs.incrementAndGet();
                d.dismiss();
            });
            page.navigate(url(path));
            assertThat(page.innerText("body")).contains("<script>window.__pwned = 1;");
            assertThat(page.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
        }
        assertThat(dialogs.get()).isZero();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + hub.port() + path;
    }
}
