package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.noroshi.testing.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A wrong link gets a page in the reader's language that leads to the status page; JSON only under /api/. */
class NotFoundPageInBrowserTest {

    @TempDir
    static Path data;
    static Hub hub;
    static Browser browser;

    @BeforeAll
    static void start() {
        hub = Hub.start(new HubOptions(null, true, "127.0.0.1", 0, data, null), Clock.systemUTC());
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (hub != null) hub.close();
    }

    @ParameterizedTest(name = "{0} {1} dark={2} width={3}")
    @CsvSource({
            "/incidents/no-such-thing, en-GB, false, 1200, Page not found, Go to the Sakura Hosting status page, /",
            "/no/such/page,            ja-JP, true,  390,  ページが見つかりません, Sakura Hosting のステータスページへ, /ja/",
            "/ja/history/x,            en-US, false, 390,  ページが見つかりません, Sakura Hosting のステータスページへ, /ja/",
            "/nothing?lang=ja,         en-US, true,  1200, ページが見つかりません, Sakura Hosting のステータスページへ, /ja/",
    })
    void aWrongLinkGetsAPageInTheReadersLanguageWithALinkHome(String path, String locale, boolean dark, int width,
                                                              String heading, String link, String home) {
        Page page = browser.newPage(locale, dark, width);
        var response = page.navigate(url(path));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headerValue("content-type")).startsWith("text/html");
        assertThat(page.locator("h1").innerText()).isEqualTo(heading);
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
        io.noroshi.testing.Axe.assertNoViolations(page);
        page.getByText(link).click();
        page.waitForURL(url(home));
        assertThat(page.locator(".banner").count()).as("the status page").isEqualTo(1);
    }

    @Test
    void underApiAWrongLinkIsStillJson() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v2/nothing.json")))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(response.body()).contains("\"error\":\"not_found\"");
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + hub.port() + path;
    }
}
