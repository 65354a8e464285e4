package io.noroshi.comms;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.noroshi.hub.Hub;
import io.noroshi.hub.HubOptions;
import io.noroshi.monitor.Verdict;
import io.noroshi.monitor.VerdictChange;
import io.noroshi.testing.Axe;
import io.noroshi.testing.Browser;
import io.noroshi.testing.MovableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first-notice drafts page in Chromium: an operator finds it from the incident list, sees each draft's
 * countdown to publishing itself, rewrites one and publishes it now, takes one over and dismisses it, saves the
 * text of a third in Japanese (which stops its automatic publication); each move says what it did, and axe finds
 * nothing to fix in either language.
 */
class DraftsPageInBrowserTest {

    private static final String CONFIG = """
            page:
              name: Example
              time_zone: UTC
            components:
              - {id: mail, name: {en: Mail, ja: メール}}
              - {id: web, name: {en: Web, ja: ウェブ}}
              - {id: dns, name: {en: DNS, ja: DNS}}
            monitors:
              - {id: mail-smtp, kind: tcp, host: 127.0.0.1, port: 9, interval: 1h, component: mail}
              - {id: web-http, kind: tcp, host: 127.0.0.1, port: 9, interval: 1h, component: web}
              - {id: dns-udp, kind: tcp, host: 127.0.0.1, port: 9, interval: 1h, component: dns}
            communication:
              lint:
                require_override: false
              first_notice:
                delay: 2m
            """;
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final String EMAIL = "ops@example.com";
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(T0);
    private Hub hub;
    private Browser browser;

    @BeforeEach
    void start() throws Exception {
        hub = Hub.start(new HubOptions(Files.writeString(dir.resolve("noroshi.yaml"), CONFIG), false, "127.0.0.1", 0, dir.resolve("data"), null), clock);
        hub.admin().accounts().create(EMAIL, PASSWORD.toCharArray());
        browser = new Browser();
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
        hub.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + hub.port() + path;
    }

    private String draftOf(String component) {
        return hub.communication().firstNotices().orElseThrow().open().stream().filter(d -> d.componentId().equals(component))
                .findFirst().orElseThrow().id();
    }

    @Test
    void anOperatorEditsPublishesTakesOverAndDismissesDrafts() {
        for (String monitor : List.of("mail-smtp", "web-http", "dns-udp")) {
            hub.monitoring().events().publish(new VerdictChange(monitor, Verdict.UP, Verdict.DOWN, T0, List.of("refused")));
        }
        String mail = draftOf("mail");
        String web = draftOf("web");
        String dns = draftOf("dns");
        clock.set(T0.plusSeconds(30));

        Page page = browser.newPage("en-US", false, 1200);
        page.context().setDefaultTimeout(15_000);
        page.navigate(url("/admin"));
        page.fill("#email", EMAIL);
        page.fill("#password", PASSWORD);
        page.click("button[type=submit]");
        page.click("#drafts-link a");
        assertThat(page.url()).endsWith("/admin/drafts");
        assertThat(page.locator("section.draft").count()).isEqualTo(3);
        assertThat(page.innerText("#draft-" + mail + " .countdown")).isEqualTo("Publishes by itself at 2026-03-01 00:02 UTC (in 1 min 30 s)");
        assertThat(page.inputValue("#body_en-" + mail)).contains("Mail");
        Axe.assertNoViolations(page);
        // The countdown ticks on the browser's clock, which the test holds still and then moves.
        page.clock().install(new Clock.InstallOptions().setTime(1_000_000L));
        page.clock().pauseAt(2_000_000L);
        page.reload();
        assertThat(page.innerText("#draft-" + mail + " .countdown")).isEqualTo("Publishes by itself at 2026-03-01 00:02 UTC (in 1 min 30 s)");
        page.clock().runFor(2_000);
        assertThat(page.innerText("#draft-" + mail + " .countdown")).isEqualTo("Publishes by itself at 2026-03-01 00:02 UTC (in 1 min 28 s)");
        page.clock().runFor(90_000);
        assertThat(page.innerText("#draft-" + mail + " .countdown")).isEqualTo("Publishes by itself at 2026-03-01 00:02 UTC (any moment now)");
        page.clock().resume();

        // Rewrite the mail draft and publish it now.
        page.fill("#body_en-" + mail, "Customers cannot send or receive mail since 00:00 UTC. Mail is queued, nothing is lost. Next update by 00:30 UTC.");
        page.click("#draft-" + mail + " button:has-text('Publish now')");
        String incident = hub.database().incidents().unresolved().getFirst().id();
        assertThat(page.innerText(".notice")).contains("The first notice is published as incident " + incident + ".");
        assertThat(page.locator("#draft-" + mail).count()).isZero();
        assertThat(hub.database().incidents().find(incident).orElseThrow().updates().getFirst().body().in("en"))
                .startsWith("Customers cannot send or receive mail since 00:00 UTC.");

        // Take the web draft over: it no longer counts down; then dismiss it.
        page.click("#draft-" + web + " button:has-text('Take over')");
        assertThat(page.innerText(".notice")).isEqualTo("You took the draft over: it will not be published by itself.");
        assertThat(page.innerText("#draft-" + web + " .countdown")).isEqualTo("Not published by itself: it waits for you.");
        assertThat(page.innerText("#draft-" + web + " .owner")).isEqualTo(EMAIL);
        page.click("#draft-" + web + " button:has-text('Dismiss')");
        assertThat(page.innerText(".notice")).isEqualTo("The draft is dismissed.");
        assertThat(page.locator("#draft-" + web).count()).isZero();

        // A form without its CSRF token changes nothing.
        var forged = page.request().post(url("/admin/drafts/" + dns + "/dismiss"), RequestOptions.create().setForm(FormData.create().set("lang", "en")));
        assertThat(forged.status()).isEqualTo(403);

        // In Japanese: save the DNS draft's text, which takes it over, so the clock passing its time publishes nothing.
        page.navigate(url("/admin/drafts?lang=ja"));
        assertThat(page.innerText("#draft-" + dns + " .countdown")).isEqualTo("2026-03-01 00:02 UTC に自動で公開されます (あと 1分30秒)");
        Axe.assertNoViolations(page);
        page.fill("#body_ja-" + dns, "00:00 頃から、お客様のドメインで名前解決ができない状態です。設定は失われていません。次回の更新は 00:30 です。");
        page.click("#draft-" + dns + " button:has-text('本文を保存')");
        assertThat(page.url()).endsWith("/admin/drafts?lang=ja");
        assertThat(page.innerText(".notice")).isEqualTo("下書きの本文を保存しました。あなたが引き継いだため、自動では公開されません。");
        assertThat(page.innerText("#draft-" + dns + " .state")).isEqualTo("引き継ぎ済み");
        assertThat(page.inputValue("#body_ja-" + dns)).startsWith("00:00 頃から、お客様のドメインで名前解決ができない状態です。");
        clock.set(T0.plus(Duration.ofMinutes(5)));
        assertThat(hub.communication().firstNotices().orElseThrow().tick()).isZero();
        assertThat(hub.database().incidents().unresolved()).hasSize(1);

        // A move on a draft that is gone says so and changes nothing.
        page.navigate(url("/admin/drafts"));
        var csrf = page.getAttribute("#draft-" + dns + " input[name=csrf]", "value");
        var again = page.request().post(url("/admin/drafts/" + web + "/publish"), RequestOptions.create()
                .setForm(FormData.create().set("csrf", csrf).set("lang", "en")));
        assertThat(again.url()).endsWith("/admin/drafts"); // the redirect, followed: the page shows the refusal once
        assertThat(again.text()).contains("draft " + web + " is dismissed");
        assertThat(hub.database().incidents().unresolved()).hasSize(1);
    }
}
