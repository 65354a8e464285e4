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

/**
 * Pushes to the hub's heartbeat URL keep a heartbeat monitor up; silence takes it down. A push needs
 * the heartbeat's secret (finding 6 of issue 10), in the path or as a bearer token, by GET or POST.
 */
class HeartbeatPushTest {

    private static final String SECRET = "f3a9c1d27b6e4f0a8d5c2b1e9f7a6d3c";

    @TempDir
    Path dir;
    private HubUnderTest hub;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        hub = new HubUnderTest("""
                page: {name: Acme}
                monitors:
                  - {id: backup, kind: heartbeat, period: 400ms, grace: 0ms, interval: 100ms, confirmations: 1, recoveries: 1,
                     secret_sha256: %s}
                  - {id: nightly, kind: heartbeat, period: 1h, interval: 100ms, confirmations: 1, recoveries: 1, secret_sha256: %s}
                """.formatted(AgentTokens.hashOf(SECRET), AgentTokens.hashOf("nightly-" + SECRET)), dir);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private HttpResponse<String> send(String method, String path, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(hub.url() + path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pushesWithTheSecretKeepItUpAndSilenceTakesItDown() throws Exception {
        assertThat(send("POST", "api/heartbeat/backup/" + SECRET, null).statusCode()).isEqualTo(200);
        assertThat(HubUnderTest.await(Duration.ofSeconds(10), () -> hub.verdict("backup") == Verdict.UP)).isTrue();

        assertThat(HubUnderTest.await(Duration.ofSeconds(10), () -> hub.verdict("backup") == Verdict.DOWN)).as("silence").isTrue();
        assertThat(send("GET", "api/heartbeat/backup", SECRET).statusCode()).as("GET, secret as bearer").isEqualTo(200);
        assertThat(HubUnderTest.await(Duration.ofSeconds(10), () -> hub.verdict("backup") == Verdict.UP)).as("push again").isTrue();
    }

    @Test
    void aPushWithoutTheRightSecretIsRefusedLikeAnUnknownId() throws Exception {
        var unknown = send("POST", "api/heartbeat/nightly-nothing/" + SECRET, null);
        var wrong = send("POST", "api/heartbeat/backup/guess", null);
        var none = send("POST", "api/heartbeat/backup", null);
        var otherHeartbeats = send("GET", "api/heartbeat/nightly/" + SECRET, null);

        for (var refused : java.util.List.of(unknown, wrong, none, otherHeartbeats)) {
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.body()).isEqualTo(unknown.body()).doesNotContain("guess").doesNotContain("backup");
        }
        assertThat(HubUnderTest.await(Duration.ofSeconds(2), () -> hub.verdict("backup") == Verdict.DOWN))
                .as("refused pushes were not recorded: the heartbeat never pushed and its 400ms passed").isTrue();
    }

    @Test
    void aHeartbeatThatNeverPushedSinceTheStartHasNoDataUntilItsFirstPeriodPasses() {
        // 100 ms checks of a 1 h heartbeat: within 2 s the hub checks it many times (before the fix: UP after two).
        assertThat(HubUnderTest.await(Duration.ofSeconds(2), () -> hub.verdict("nightly") != Verdict.NO_DATA))
                .as("many checks later: still nothing to judge").isFalse();
        assertThat(hub.verdict("nightly")).isEqualTo(Verdict.NO_DATA);
    }

    @Test
    void theAgentApiWantsAToken() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(hub.url() + "api/agent/v1/checks"))
                .header("Authorization", "Bearer guess").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("guess");
    }
}
