package io.noroshi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import io.noroshi.admin.ComponentChange;
import io.noroshi.admin.IncidentDraft;
import io.noroshi.admin.UpdateDraft;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.subscriber.Subscriber;
import io.noroshi.testing.Browser;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Double opt-in, a change of scope and leaving, through the real pages in Chromium, with GreenMail receiving the
 * mail and the links followed from the received messages.
 */
class SubscribeInBrowserTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup[] {ServerSetupTest.SMTP.createCopy("127.0.0.1").dynamicPort()});

    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/subscribe/(confirm|manage)\\?t=\\S+");

    @TempDir
    Path data;
    NotifyHub hub;

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
    }

    private NotifyHub start() {
        return new NotifyHub(data, """
                channels:
                  - name: mail
                    kind: email
                    from: status@sakura.example
                    host: 127.0.0.1
                    port: %d
                    tls: none
                """.formatted(SMTP.getSmtp().getPort()));
    }

    @Test
    void subscribeConfirmReceiveChangeScopeAndLeave() throws Exception {
        hub = start();
        try (var browser = new Browser()) {
            Page page = browser.newPage();
            page.navigate(hub.url("/"));
            page.fill("input[name=email]", "Alice@Example.com");
            page.click("summary"); // the component choice is folded away
            page.check("input[name=components][value=mail]");
            page.click("button[type=submit]");
            assertThat(page.innerText("h1")).isEqualTo("Check your mail");

            // the confirmation request: nothing else is sent until it is followed
            MimeMessage confirm = nextMail(1);
            assertThat(confirm.getSubject()).isEqualTo("[Sakura Hosting] Confirm your subscription");
            assertThat(confirm.getHeader("List-Unsubscribe")).isNull();
            String confirmLink = link(confirm, "confirm");
            openIncident("Mail is delayed", "mail"); // before confirming: not for alice
            hub.hub.notifications().worker().wake();
            page.navigate(confirmLink);
            assertThat(page.innerText("h1")).isEqualTo("You are subscribed");
            Subscriber alice = hub.hub.notifications().subscriptions().store().byAddress(Subscriber.Kind.EMAIL, "alice@example.com").orElseThrow();
            assertThat(alice.state()).isEqualTo(Subscriber.State.CONFIRMED);
            assertThat(alice.components()).containsExactly("mail");

            // scoped to mail: the web incident is not hers, the mail one is
            openIncident("Web is slow", "web");
            openIncident("Mail bounces", "mail");
            MimeMessage update = nextMail(2);
            assertThat(update.getSubject()).isEqualTo("[Sakura Hosting] Major outage: Mail bounces");
            assertThat(update.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
            String manage = link(update, "manage");
            assertThat(update.getHeader("List-Unsubscribe")[0]).isEqualTo("<" + manage + ">");
            assertThat(((Multipart) update.getContent()).getCount()).isEqualTo(2); // text and HTML
            assertThat(SMTP.getReceivedMessages()).hasSize(2); // neither the unconfirmed nor the web incident reached her

            // the manage page from the mail: Japanese and both components
            page.navigate(manage);
            page.selectOption("select[name=lang]", "ja");
            page.check("input[name=components][value=web]");
            page.click("button[value=save]");
            assertThat(page.innerText("[role=status]")).isEqualTo("保存しました。");
            alice = hub.hub.notifications().subscriptions().store().find(alice.id()).orElseThrow();
            assertThat(alice.lang()).isEqualTo("ja");
            assertThat(alice.components()).containsExactly("mail", "web");
            openIncident("Web is down", "web");
            MimeMessage ja = nextMail(3);
            assertThat(ja.getSubject()).isEqualTo("【障害】Web is down - Sakura Hosting");

            // RFC 8058 one-click, as a mail client does it, with the header's URL
            var oneClick = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(manage))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(oneClick.statusCode()).isEqualTo(200);
            assertThat(hub.hub.notifications().subscriptions().store().find(alice.id())).isEmpty();
            page.navigate(manage);
            assertThat(page.innerText("[role=alert]")).contains("This link is not valid");
        }
    }

    @Test
    void leavingThroughTheManagePageButton() throws Exception {
        hub = start();
        try (var browser = new Browser()) {
            Page page = browser.newPage();
            page.navigate(hub.url("/ja/"));
            page.fill("input[name=email]", "bob@example.com");
            page.click("button[type=submit]");
            assertThat(page.innerText("h1")).isEqualTo("メールをご確認ください");
            MimeMessage confirm = nextMail(1);
            assertThat(confirm.getSubject()).isEqualTo("購読の確認 - Sakura Hosting");
            page.navigate(link(confirm, "confirm"));
            assertThat(page.innerText("h1")).isEqualTo("購読を開始しました");
            page.click("a[href*='/subscribe/manage']");
            page.click("button[value=leave]");
            assertThat(page.innerText("h1")).isEqualTo("配信を停止しました");
            assertThat(hub.hub.notifications().subscriptions().store().byAddress(Subscriber.Kind.EMAIL, "bob@example.com")).isEmpty();
        }
    }

    @Test
    void malformedAddressIsRefusedWithAPlainMessageAndNothingIsStored() throws Exception {
        hub = start();
        var http = HttpClient.newHttpClient();
        for (String bad : List.of("not-an-address", "a@b", "x@@example.com", "<script>@example.com", "a b@example.com")) {
            var response = http.send(HttpRequest.newBuilder(URI.create(hub.url("/subscribe")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("lang=en&email=" + java.net.URLEncoder.encode(bad, "UTF-8"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).contains("That is not an e-mail address we can send to").doesNotContain("<script>@");
        }
        assertThat(hub.hub.notifications().subscriptions().store().count()).isZero();
    }

    @Test
    void theFormIsRateLimitedPerAddressAndSaysSo() throws Exception {
        hub = start();
        var http = HttpClient.newHttpClient();
        int[] statuses = new int[5];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = http.send(HttpRequest.newBuilder(URI.create(hub.url("/subscribe")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("lang=en&email=carol%40example.com")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
    }

    private void openIncident(String name, String component) {
        hub.hub.admin().incidents().open(NotifyHub.OPERATOR, new IncidentDraft(Text.of(name), Impact.MAJOR, new UpdateDraft(
                IncidentStatus.INVESTIGATING, Text.of("We are looking into it."), List.of(new ComponentChange(component, ComponentStatus.MAJOR_OUTAGE)),
                true)));
    }

    private MimeMessage nextMail(int count) {
        assertThat(SMTP.waitForIncomingEmail(30_000, count)).as("%d mails arrived", count).isTrue();
        MimeMessage[] all = SMTP.getReceivedMessages();
        return all[count - 1];
    }

    private static String link(MimeMessage message, String kind) {
        String body = GreenMailUtil.getBody(message);
        // the text part is base64: decode every part and search them
        String text;
        try {
            var multipart = (Multipart) message.getContent();
            text = (String) multipart.getBodyPart(0).getContent();
        } catch (Exception e) {
            text = body;
        }
        var m = LINK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(kind)) return m.group();
        }
        throw new AssertionError("no " + kind + " link in: " + text);
    }
}
