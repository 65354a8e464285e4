package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import io.noroshi.testing.Browser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin pages driven in headless Chromium, JavaScript off: log in, open and update an incident, see it in public. */
class AdminPagesInBrowserTest {

    @TempDir
    static Path data;
    static AdminHub admin;
    static Browser browser;
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws Exception {
        admin = new AdminHub(data);
        browser = new Browser();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (admin != null) admin.close();
    }

    @Test
    void operatorLogsInOpensAnIncidentPostsAnUpdateAndSeesItOnThePublicPage() {
        Page page = loggedIn();
        page.fill("#name_en", "Control panel errors BR1");
        page.fill("#name_ja", "コントロールパネルのエラー BR1");
        page.selectOption("#impact", "major");
        page.fill("#new-incident #body_en", "We are investigating errors <b>BR1</b>.");
        page.selectOption("#new-incident #component-control-panel", "partial_outage");
        page.click("#new-incident button[type=submit]");
        assertThat(page.url()).contains("/admin/incidents/");
        assertThat(page.innerText("#incident-status")).isEqualTo("Investigating");

        page.selectOption("#update-form #status", "identified");
        page.fill("#update-form #body_en", "Cause found BR1-2");
        page.fill("#update-form #body_ja", "原因を特定 BR1-2");
        page.click("#update-form button[type=submit]");
        assertThat(page.innerText("[role=status]")).contains("Update posted.");
        assertThat(page.innerText("#incident-status")).isEqualTo("Identified");
        assertThat(page.innerText("body")).contains("Posted an update").contains(AdminHub.EMAIL);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-incident.png")).setFullPage(true));

        Page reader = browser.newPage();
        reader.navigate(admin.url("/"));
        assertThat(reader.innerText("body")).contains("Control panel errors BR1").contains("Cause found BR1-2");
        reader.navigate(admin.url("/?lang=ja"));
        assertThat(reader.innerText("body")).contains("原因を特定 BR1-2");
        reader.navigate(admin.url("/"));
        assertThat(reader.innerText("body")).contains("We are investigating errors <b>BR1</b>.");
    }

    @Test
    void operatorChoosesAFailingSiteByALinkAndSeesItsBlastRadiusDrawn() {
        Page page = loggedIn();
        page.click("nav >> text=Failure domains");
        assertThat(page.url()).endsWith("/admin/failure-domains");
        page.click("#failure-domains a[href$='fail=tokyo-dc1']");

        assertThat(page.url()).endsWith("/admin/failure-domains?fail=tokyo-dc1");
        assertThat(page.innerText("#blast-radius-title")).isEqualTo("If Tokyo DC1 fails");
        assertThat(page.innerText("#down-direct")).contains("web").contains("mail");
        assertThat(page.locator("#diagram svg").isVisible()).isTrue();
        assertThat(page.locator("#diagram g.service.down").count()).isGreaterThan(0);
        assertThat(page.locator("#diagram g.service.up").count()).isGreaterThan(0);
        assertThat(page.locator("#diagram rect.site.failed").count()).isEqualTo(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-failure-domains.png")).setFullPage(true));
    }

    @Test
    void tokenCreatedInThePagesIsShownOnceOnly() {
        Page page = loggedIn();
        page.navigate(admin.url("/admin/tokens"));
        page.fill("#token-name", "from the page");
        page.selectOption("#scope", "incidents");
        page.click("form.box button[type=submit]");
        String secret = page.innerText("#new-token");
        assertThat(secret).startsWith("nrs_");
        assertThat(admin.get("/api/admin/v1/incidents", secret).statusCode()).isEqualTo(200);
        page.navigate(admin.url("/admin/tokens"));
        assertThat(page.content()).doesNotContain(secret).contains("from the page");
    }

    @Test
    void formPostWithoutItsCsrfTokenIsRefused() throws Exception {
        Page page = loggedIn();
        String session = page.context().cookies().stream().filter(c -> c.name.equals("noroshi_session")).findFirst().orElseThrow().value;
        int before = admin.hub.database().incidents().count();
        var forged = HttpRequest.newBuilder(URI.create(admin.url("/admin/incidents")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "noroshi_session=" + session)
                .POST(HttpRequest.BodyPublishers.ofString("name_en=Forged&body_en=Forged&status=investigating&impact=minor")).build();
        var response = admin.http.send(forged, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        var wrong = HttpRequest.newBuilder(URI.create(admin.url("/admin/incidents")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "noroshi_session=" + session)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=abc&name_en=Forged&body_en=Forged&status=investigating&impact=minor")).build();
        assertThat(admin.http.send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(admin.hub.database().incidents().count()).isEqualTo(before);
        // the login form's double-submit token: an empty cookie and an empty field do not match
        var emptyLogin = HttpRequest.newBuilder(URI.create(admin.url("/admin/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "noroshi_login_csrf=")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=&email=ops%40example.com&password=x")).build();
        assertThat(admin.http.send(emptyLogin, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void sessionCookieIsHttpOnlyAndStrictAndPagesAreNotCached() {
        Page page = loggedIn();
        Cookie cookie = page.context().cookies().stream().filter(c -> c.name.equals("noroshi_session")).findFirst().orElseThrow();
        assertThat(cookie.httpOnly).isTrue();
        assertThat(cookie.sameSite.name()).isEqualToIgnoringCase("strict");
        assertThat(admin.hub.database().sessions().find(io.noroshi.account.SecretTokens.sha256(cookie.value), java.time.Instant.now())).isPresent();
        var response = admin.get("/admin/login", null);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(admin.get("/admin/incidents", null).statusCode()).isEqualTo(302);
    }

    @Test
    void wrongPasswordsAreRateLimited(@TempDir Path ownData) throws Exception {
        // its own hub: the lockout is per address, and every test here comes from 127.0.0.1
        try (var admin = new AdminHub(ownData)) {
            wrongPasswordsAreRateLimited(admin);
        }
    }

    private static void wrongPasswordsAreRateLimited(AdminHub admin) throws Exception {
        Page page = browser.newPage();
        page.navigate(admin.url("/admin/login"));
        String csrf = page.getAttribute("input[name=csrf]", "value");
        String cookie = page.context().cookies().stream().filter(c -> c.name.equals("noroshi_login_csrf")).findFirst().orElseThrow().value;
        int last = 0;
        for (int i = 0; i < 6; i++) {
            var attempt = HttpRequest.newBuilder(URI.create(admin.url("/admin/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "noroshi_login_csrf=" + cookie)
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf + "&email=victim%40example.com&password=guess" + i)).build();
            var response = admin.http.send(attempt, HttpResponse.BodyHandlers.ofString());
            last = response.statusCode();
            if (i < 5) assertThat(last).isEqualTo(302);
            else assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(last).isEqualTo(429);
    }

    private static Page loggedIn() {
        Page page = browser.newPage();
        page.context().setDefaultTimeout(15_000);
        page.navigate(admin.url("/admin"));
        assertThat(page.url()).endsWith("/admin/login");
        page.fill("#email", AdminHub.EMAIL);
        page.fill("#password", AdminHub.PASSWORD);
        page.click("button[type=submit]");
        assertThat(page.url()).endsWith("/admin/incidents");
        return page;
    }
}
