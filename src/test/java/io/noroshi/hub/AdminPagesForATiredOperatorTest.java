package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.noroshi.testing.Axe;
import io.noroshi.testing.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin pages in Chromium as an operator at 3 a.m. meets them: kept input, words not ids, a clear resolve, no words from a link. */
class AdminPagesForATiredOperatorTest {

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
    void textInTheUrlIsNeverShownAsAMessage() {
        Page page = loggedIn(1200);
        page.navigate(admin.url("/admin/incidents?error=Your+session+expired%2C+call+%2B81-3-0000&notice=Password+reset+at+evil.example"));
        assertThat(page.innerText("body")).doesNotContain("Your session expired").doesNotContain("evil.example");
        assertThat(page.locator(".error, .notice").count()).isZero();
        page.navigate(admin.url("/admin/login?error=Call+the+helpdesk"));
        assertThat(page.innerText("body")).doesNotContain("helpdesk");
    }

    /** The switch to Japanese on a search's results keeps the search (it used to drop every parameter but lang). */
    @Test
    void theLanguageSwitchKeepsTheSearch() {
        Page page = loggedIn(1200);
        page.navigate(admin.url("/admin/incidents?q=delayed&lang=en"));
        page.click("#language-switch a");

        assertThat(page.url()).contains("q=delayed").contains("lang=ja").doesNotContain("lang=en");
        assertThat(page.inputValue("#q")).isEqualTo("delayed");
        assertThat(page.getAttribute("html", "lang")).isEqualTo("ja");
        page.click("#language-switch a");  // back to English: the choice is remembered in a cookie
        assertThat(page.url()).contains("q=delayed").contains("lang=en");
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedAndShowsTheErrorBesideTheField() {
        Page page = loggedIn(Browser.PHONE_WIDTH);
        page.fill("#name_en", "Mail delayed TIRED1");
        page.fill("#name_ja", "メール遅延 TIRED1");
        page.selectOption("#impact", "major");
        page.selectOption("#new-incident #component-mail", "degraded_performance");
        page.click("#new-incident button[type=submit]");

        assertThat(page.url()).endsWith("/admin/incidents");
        assertThat(page.inputValue("#name_en")).isEqualTo("Mail delayed TIRED1");
        assertThat(page.inputValue("#name_ja")).isEqualTo("メール遅延 TIRED1");
        assertThat(page.inputValue("#impact")).isEqualTo("major");
        assertThat(page.inputValue("#new-incident #component-mail")).isEqualTo("degraded_performance");
        assertThat(page.innerText("#body_en-error")).isEqualTo("the first update needs text in en or ja");
        assertThat(page.getAttribute("#body_en", "aria-invalid")).isEqualTo("true");
        assertThat(page.getAttribute("#body_en", "aria-describedby")).isEqualTo("body_en-error");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-refused-form-phone.png")).setFullPage(true));
        Axe.assertNoViolations(page);

        page.reload();
        assertThat(page.locator(".field-error").count()).as("shown once").isZero();
        assertThat(page.inputValue("#name_en")).isEmpty();
    }

    @Test
    void resolvingIsItsOwnActionAndSaysWhatThePublicNowSees() {
        Page page = loggedIn(1200);
        page.fill("#name_en", "Webmail slow TIRED2");
        page.fill("#new-incident #body_en", "Looking into it.");
        page.selectOption("#new-incident #component-mail", "partial_outage");
        page.click("#new-incident button[type=submit]");
        assertThat(page.innerText("#incident-status")).isEqualTo("Investigating");
        assertThat(page.innerText("#affected-now")).contains("Mail").contains("Partial outage");
        assertThat(page.locator("#update-form option[value=resolved]").count()).as("resolve is not an update status").isZero();
        assertThat(page.locator("time").first().getAttribute("title")).endsWith(" UTC");
        assertThat(page.locator("time").first().innerText()).endsWith(" JST");
        Axe.assertNoViolations(page);

        // A reader who had the public page open before the resolve, in the same browser (same HTTP cache).
        String publicPage = admin.url(page.locator("main a:has-text('public page')").getAttribute("href"));
        Page reader = page.context().newPage();
        reader.navigate(publicPage);
        assertThat(reader.innerText("main")).contains("Investigating").doesNotContain("Fixed: a full queue was drained.");

        page.fill("#resolve_body_en", "Fixed: a full queue was drained.");
        page.click("#resolve-form button[type=submit]");
        assertThat(page.locator(".error").count()).as(() -> page.innerText("main")).isZero();
        assertThat(page.innerText("[role=status]")).isEqualTo(
                "Incident resolved. The public page now shows “Webmail slow TIRED2” as Resolved with your message, and Mail operational.");
        assertThat(page.innerText("#incident-status")).isEqualTo("Resolved");
        assertThat(page.innerText("#affected-now")).contains("Operational");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-resolved.png")).setFullPage(true));

        // Following the link again at once: the browser revalidates (304 or the new page), it does not show its copy.
        var again = reader.navigate(publicPage);
        assertThat(again.headerValue("cache-control")).contains("max-age=0");
        assertThat(reader.innerText("main")).contains("Fixed: a full queue was drained.").contains("Resolved");
    }

    @Test
    void componentsShowNamesAndClearOverrideOnlyWhereThereIsOne() {
        Page page = loggedIn(1200);
        page.navigate(admin.url("/admin/components"));
        int before = page.locator("button:has-text('Clear override')").count();
        assertThat(page.locator("#component-row-dns button:has-text('Clear override')").count()).isZero();
        page.selectOption("#component-row-dns select", "degraded_performance");
        page.click("#component-row-dns button:has-text('Set')");
        assertThat(page.innerText("#component-row-dns")).contains("DNS").contains("Degraded performance");
        assertThat(page.locator("#component-row-dns button:has-text('Clear override')").count()).isEqualTo(1);
        assertThat(page.locator("button:has-text('Clear override')").count()).as("only overridden rows").isEqualTo(before + 1);
        assertThat(page.innerText("main")).doesNotContain("degraded_performance").doesNotContain("partial_outage");
        Axe.assertNoViolations(page);
        page.click("#component-row-dns button:has-text('Clear override')");
        assertThat(page.locator("button:has-text('Clear override')").count()).isEqualTo(before);
        assertThat(page.locator("#component-row-dns button:has-text('Clear override')").count()).isZero();
    }

    @Test
    void aRefusedMaintenanceKeepsItsWindowAndComponents() {
        Page page = loggedIn(1200);
        page.navigate(admin.url("/admin/maintenance"));
        page.fill("#name_en", "Router swap TIRED3");
        page.fill("#scheduled_for", "2026-03-01T09:00:00Z");
        page.fill("#scheduled_until", "next tuesday");
        page.check("input[name=component_ids][value=dns]");
        page.click("#schedule-form button[type=submit]");
        assertThat(page.innerText("#scheduled_until-error")).contains("must be a UTC time");
        assertThat(page.inputValue("#name_en")).isEqualTo("Router swap TIRED3");
        assertThat(page.inputValue("#scheduled_until")).isEqualTo("next tuesday");
        assertThat(page.isChecked("input[name=component_ids][value=dns]")).isTrue();
        assertThat(page.isChecked("input[name=component_ids][value=mail]")).isFalse();
        Axe.assertNoViolations(page);
    }

    @Test
    void adminPagesPassAxe() {
        Page page = browser.newPage();
        page.navigate(admin.url("/admin/login"));
        Axe.assertNoViolations(page);
        page = loggedIn(1200);
        for (String path : new String[] {"/admin/incidents", "/admin/maintenance", "/admin/components", "/admin/tokens", "/admin/operators"}) {
            page.navigate(admin.url(path));
            Axe.assertNoViolations(page);
        }
    }

    private static Page loggedIn(int width) {
        return admin.loggedIn(browser, "en-US", false, width);
    }
}
