package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.noroshi.testing.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures in {@code docs/screenshots/}: the demo at a fixed moment in Chromium. Run by
 * {@code scripts/screenshots.sh}, which points {@code noroshi.screenshots} at that directory; in the
 * suite they go to {@code target/screenshots/docs} and the test checks each picture was taken.
 */
class DocsScreenshotsTest {

    /** 12:30 JST on a Tuesday: the demo's incident is 40 minutes old. */
    static final Instant NOW = Instant.parse("2026-03-10T03:30:00Z");

    @TempDir
    Path data;

    @Test
    void takesThePicturesTheDocsShow() throws Exception {
        Path out = out();
        try (var hub = demoAtNow(); var browser = new Browser()) {
            String base = "http://127.0.0.1:" + hub.port();
            shoot(browser.newPage("en-US", false, 1000), base + "/", out.resolve("home-en.png"));
            shoot(browser.newPage("ja-JP", true, Browser.PHONE_WIDTH), base + "/", out.resolve("home-ja-dark-phone.png"));
            var outage = hub.database().incidents().history(0, 100).stream()
                    .filter(i -> i.name().in("en").startsWith("Web hosting and mail unavailable")).findFirst().orElseThrow();
            shoot(browser.newPage("en-US", false, 1000), base + "/incidents/" + outage.id(), out.resolve("incident-en.png"));
            shoot(browser.newPage("ja-JP", false, Browser.PHONE_WIDTH), base + "/no-such-page", out.resolve("not-found-ja-phone.png"));
            // The admin page of the incident in progress, as its operator sees it.
            Page admin = signedIn(hub, browser, base);
            admin.click("main table a");
            assertThat(admin.url()).contains("/admin/incidents/");
            String inProgress = admin.url();
            admin.screenshot(new Page.ScreenshotOptions().setPath(out.resolve("admin-incident-en.png")).setFullPage(true));
            // The audit log in words after an update and a status set by hand: who did what to which incident or component, when.
            admin.fill("#update-form #body_en", "The storage array is back; web sites are coming up one by one.");
            admin.click("#update-form button[type=submit]");
            admin.navigate(base + "/admin/components");
            admin.selectOption("#component-row-dns select", "degraded_performance");
            admin.click("#component-row-dns button:has-text('Set')");
            admin.screenshot(new Page.ScreenshotOptions().setPath(out.resolve("admin-components-en.png")).setFullPage(true));
            shoot(admin, base + "/admin/audit", out.resolve("admin-audit-en.png"));
            // The same incident page after the language switch (a Japanese browser gets it at once).
            shoot(admin, inProgress + "?lang=ja", out.resolve("admin-incident-ja.png"));
        }
        for (String name : new String[] {"home-en.png", "home-ja-dark-phone.png", "incident-en.png", "not-found-ja-phone.png", "admin-incident-en.png",
                "admin-audit-en.png", "admin-components-en.png", "admin-incident-ja.png"}) {
            assertThat(Files.size(out.resolve(name))).as(name).isGreaterThan(10_000);
        }
    }

    /**
     * docs/communication.md: an operator's vague update checked by the lint before it is published, then an
     * update with a promised next update and an estimate, as the public incident page shows them.
     */
    @Test
    void takesTheCommunicationPictures() throws Exception {
        Path out = out();
        try (var hub = demoAtNow(); var browser = new Browser()) {
            String base = "http://127.0.0.1:" + hub.port();
            Page admin = signedIn(hub, browser, base);
            admin.click("main table a"); // the incident in progress
            String incident = admin.url();
            String id = incident.substring(incident.lastIndexOf('/') + 1);
            admin.fill("#update-form #body_en", "We are still looking into it.");
            admin.click("#check-update");
            assertThat(admin.locator("#lint-findings").count()).as("the vague update has lint findings").isEqualTo(1);
            admin.screenshot(new Page.ScreenshotOptions().setPath(out.resolve("comms-lint-en.png")).setFullPage(true));

            admin.navigate(incident);
            admin.fill("#update-form #body_en", "Pages of the control panel still take up to 20 seconds to load for all customers: the"
                    + " release is being rolled back. No data is affected, and web sites, mail and DNS work normally. There is no workaround"
                    + " yet. We expect normal speed at about 14:30 JST, with low confidence: how long the rollback takes is not known yet."
                    + " Next update by 13:00 JST.");
            admin.fill("#update-form #next_update_by", "2026-03-10T04:00:00Z");
            admin.fill("#update-form #estimate_at", "2026-03-10T05:30:00Z");
            admin.selectOption("#update-form #estimate_confidence", "low");
            admin.check("#update-form input[name=lint_override]");
            admin.click("#update-form button[type=submit]:has-text('Post update')");
            assertThat(admin.content()).contains("Update posted.");
            Page reader = browser.newPage("en-US", false, 1000);
            reader.navigate(base + "/incidents/" + id);
            assertThat(reader.content()).contains("14:30");
            reader.screenshot(new Page.ScreenshotOptions().setPath(out.resolve("comms-promise-en.png")).setFullPage(true));
        }
        for (String name : new String[] {"comms-lint-en.png", "comms-promise-en.png"}) {
            assertThat(Files.size(out.resolve(name))).as(name).isGreaterThan(10_000);
        }
    }

    private static Path out() throws java.io.IOException {
        return Files.createDirectories(Path.of(System.getProperty("noroshi.screenshots", "target/screenshots/docs")));
    }

    private Hub demoAtNow() {
        return Hub.start(new HubOptions(null, true, "127.0.0.1", 0, data, null), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** An operator's admin page, signed in. */
    private static Page signedIn(Hub hub, Browser browser, String base) {
        hub.admin().accounts().create("ops@example.com", "correct horse battery".toCharArray());
        Page admin = browser.newPage("en-US", false, 1000);
        admin.navigate(base + "/admin/login");
        admin.fill("#email", "ops@example.com");
        admin.fill("#password", "correct horse battery");
        admin.click("button[type=submit]");
        return admin;
    }

    private static void shoot(Page page, String url, Path file) {
        page.navigate(url);
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }
}
