package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoogleChatChannelTest {

    @Test
    void postsTextToTheSpaceWebhookKeepingItsKeyAndToken() throws Exception {
        try (ServiceStub chat = ServiceStub.start()) {
            KindFixtures.of("googlechat", chat.baseUrl()).create()
                    .send(Notices.english("<users/all> a & b"), Optional.empty(), "d-1");

            ServiceStub.Received request = chat.only();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/spaces/AAAA/messages");
            assertThat(request.query()).isEqualTo("key=k3y&token=" + KindFixtures.TOKEN + "&requestId=d-1");
            assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
            assertThat(request.json().path("text").asText()).isEqualTo("*[Sakura Hosting] Major outage: Mail is delayed*\n"
                    + "Status: Investigating\n&lt;users/all&gt; a &amp; b\n"
                    + "<https://status.example.jp/incidents/42|View on the status page>");
            assertThat(request.json().has("thread")).isFalse();
        }
    }

    @Test
    void aThreadKeyPutsEveryNoticeInOneThread() throws Exception {
        try (ServiceStub chat = ServiceStub.start()) {
            KindFixtures.Fixture fixture = KindFixtures.of("googlechat", chat.baseUrl());
            Map<String, String> values = new HashMap<>(fixture.values());
            values.put("thread_key", "incident-42");
            new KindFixtures.Fixture("googlechat", values, fixture.environment(), Optional.empty(), fixture.secrets())
                    .create().send(Notices.japanese(), Optional.empty(), "d-1");

            ServiceStub.Received request = chat.only();
            assertThat(request.query()).isEqualTo("key=k3y&token=" + KindFixtures.TOKEN
                    + "&requestId=d-1&messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD");
            assertThat(request.json().path("thread").path("threadKey").asText()).isEqualTo("incident-42");
            assertThat(request.json().path("text").asText()).startsWith("*[さくらホスティング] 【障害】メールの配送遅延*\n状況: 調査中\n")
                    .endsWith("|ステータスページで見る>");
        }
    }
}
