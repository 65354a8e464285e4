package io.noroshi.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes to the hub's heartbeat URL keep a heartbeat monitor up; silence takes it down. */
class HeartbeatPushTest {

    @TempDir
    Path dir;
    private HubUnderTest hub;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        hub = new HubUnderTest("""
                page: {name: Acme}
                monitors:
                  - {id: backup, kind: heartbeat, period: 400ms, grace: 0ms, interval: 100ms, confirmations: 1, recoveries: 1}
                """, dir);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private int push(String id) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(hub.url() + "api/heartbeat/" + id)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void pushesKeepItUpAndSilenceTakesItDown() throws Exception {
        assertThat(push("backup")).isEqualTo(200);
        assertThat(HubUnderTest.await(Duration.ofSeconds(10), () -> hub.verdict("backup") == Verdict.UP)).isTrue();

        assertThat(HubUnderTest.await(Duration.ofSeconds(10), () -> hub.verdict("backup") == Verdict.DOWN)).as("silence").isTrue();
        push("backup");
        assertThat(HubUnderTest.await(Duration.ofSeconds(10), () -> hub.verdict("backup") == Verdict.UP)).as("push again").isTrue();
    }

    @Test
    void aPushForAnUnknownHeartbeatIsNotFound() throws Exception {
        assertThat(push("nightly-nothing")).isEqualTo(404);
    }

    @Test
    void theAgentApiWantsAToken() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(hub.url() + "api/agent/v1/checks"))
                .header("Authorization", "Bearer guess").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("guess");
    }
}
