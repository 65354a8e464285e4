package io.noroshi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import io.noroshi.subscriber.Subscriber;
import io.noroshi.testing.Browser;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The operator's notification pages in Chromium: "send a test" and the delivery log; subscribers imported, found and removed. */
class NotifyAdminPagesTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup[] {ServerSetupTest.SMTP.createCopy("127.0.0.1").dynamicPort()});

    @TempDir
    Path data;
    NotifyHub hub;

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
    }

    @Test
    void sendATestImportSubscribersAndRemoveOne() {
        hub = new NotifyHub(data, """
                channels:
                  - name: mail
                    kind: email
                    site: osaka-dc
                    from: status@sakura.example
                    host: 127.0.0.1
                    port: %d
                    tls: none
                """.formatted(SMTP.getSmtp().getPort()));
        hub.adminToken(); // makes the operator
        try (var browser = new Browser()) {
            Page page = browser.newPage();
            page.navigate(hub.url("/admin/login"));
            page.fill("#email", "ops@example.com");
            page.fill("#password", "correct horse battery");
            page.click("button[type=submit]");
            page.click("nav >> text=Notifications");
            assertThat(page.innerText("table")).contains("mail").contains("email").contains("osaka-dc");
            page.fill("input[name=to]", "ops@example.com");
            page.click("button:text('Send a test')");
            assertThat(page.innerText("#test-result")).isEqualTo("Test: sent");
            assertThat(SMTP.waitForIncomingEmail(30_000, 1)).isTrue();

            page.click("nav >> text=Subscribers");
            page.fill("textarea[name=csv]", "address,kind,lang,components\nalice@example.com,email,ja,mail\nbroken\n<b>x</b>@example.com,email,en,\n");
            page.click("form[action='/admin/subscribers/import'] button");
            assertThat(page.innerText("#message")).isEqualTo("Imported 1 row(s). Line 3: not an e-mail address. Line 4: not an e-mail address.");
            assertThat(page.innerText("#subscribers")).contains("alice@example.com").contains("Japanese").contains("Confirmed").contains("Mail");
            page.click("#subscribers button:text('Remove')");
            assertThat(page.innerText("#message")).isEqualTo("Removed.");
            assertThat(hub.hub.notifications().subscriptions().store().byAddress(Subscriber.Kind.EMAIL, "alice@example.com")).isEmpty();

            // an incident to a fresh subscriber shows in the delivery log
            hub.hub.notifications().subscriptions().add(Subscriber.Kind.EMAIL, "bob@example.com", "en", java.util.List.of());
            hub.hub.admin().incidents().open(NotifyHub.OPERATOR, new io.noroshi.admin.IncidentDraft(io.noroshi.config.Text.of("Mail is delayed"),
                    io.noroshi.incident.Impact.MINOR, new io.noroshi.admin.UpdateDraft(io.noroshi.incident.IncidentStatus.INVESTIGATING,
                    io.noroshi.config.Text.of("Looking."), java.util.List.of(), true)));
            assertThat(SMTP.waitForIncomingEmail(30_000, 2)).isTrue();
            String row = "";
            // Bounded: the outcome is stored by the outbox's next round, so reload until it shows.
            for (int i = 0; i < 100 && !row.contains("mail\t1\t0\t0\t0"); i++) {
                page.navigate(hub.url("/admin/notifications"));
                row = page.innerText("#deliveries tbody tr:has-text('Incident created')");
            }
            assertThat(row).contains("Incident “Mail is delayed”").doesNotContain("incident/").contains("mail\t1\t0\t0\t0"); // channel, sent, pending, failed, dead
        }
    }
}
