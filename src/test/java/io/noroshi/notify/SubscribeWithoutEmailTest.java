package io.noroshi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub without an e-mail channel (the demo, a first start) must not offer e-mail subscriptions: a reader who
 * subscribed would be told a confirmation is on its way, and nothing would ever come.
 */
class SubscribeWithoutEmailTest {

    @TempDir
    Path data;
    NotifyHub hub;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
    }

    @Test
    void withoutAnEmailChannelNoPageOffersEmailAndAPostedAddressIsRefusedAndNotStored() throws Exception {
        hub = new NotifyHub(data, "channels: []\n");

        for (String lang : new String[] {"en", "ja"}) {
            String home = get("/?lang=" + lang).body();
            assertThat(home).doesNotContain("type=\"email\"").contains("href=\"/subscribe?lang=" + lang + "\"");
        }
        var form = get("/subscribe?lang=en");
        assertThat(form.body()).doesNotContain("type=\"email\"").contains("does not send e-mail").contains("type=\"url\"");
        assertThat(get("/subscribe?lang=ja").body()).contains("メールを送信しません");

        var posted = http.send(HttpRequest.newBuilder(URI.create(hub.url("/subscribe")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("lang=en&email=reader%40example.com")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("does not send e-mail").doesNotContain("Check your mail");
        assertThat(hub.hub.notifications().subscriptions().store().count()).isZero();
    }

    @Test
    void withAnEmailChannelTheFrontPageOffersTheForm() throws Exception {
        hub = new NotifyHub(data, """
                channels:
                  - name: mail
                    kind: email
                    from: status@example.com
                    host: 127.0.0.1
                    port: 2525
                    tls: none
                """);

        assertThat(get("/").body()).contains("type=\"email\"");
        assertThat(get("/subscribe").body()).contains("type=\"email\"").doesNotContain("does not send e-mail");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(hub.url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
