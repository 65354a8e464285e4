package io.noroshi.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 7 of issue 10: an agent's token lets it report only for monitors assigned to it, its
 * sequence numbers must follow on, and an oversized batch is refused with 413. Over real HTTP.
 */
class AgentApiTrustTest {

    @TempDir
    Path dir;
    private HubUnderTest hub;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        hub = new HubUnderTest("""
                page: {name: Acme}
                sites: [{id: osaka}, {id: office}]
                vantage_points:
                  - {id: osaka, site: osaka, token_sha256: %s}
                  - {id: office, site: office, token_sha256: %s}
                monitors:
                  - {id: www, kind: tcp, host: 127.0.0.1, port: 9, interval: 30s, vantage_points: [osaka]}
                  - {id: mail, kind: tcp, host: 127.0.0.1, port: 9, interval: 30s, vantage_points: [office]}
                """.formatted(AgentTokens.hashOf("osaka-token"), AgentTokens.hashOf("office-token")), dir);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private HttpResponse<String> upload(List<AgentWire.Result> results) throws Exception {
        byte[] body = ProbeCodec.mapper().writeValueAsBytes(new AgentWire.Batch(results));
        return http.send(HttpRequest.newBuilder(URI.create(hub.url() + "api/agent/v1/results"))
                .header("Authorization", "Bearer osaka-token").header("X-Noroshi-Agent", "osaka")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static AgentWire.Result result(long seq, String monitor) {
        return new AgentWire.Result(seq, monitor, "down", Instant.now().toEpochMilli(), 5, "connection refused");
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return ProbeCodec.mapper().readTree(response.body());
    }

    @Test
    void resultsForMonitorsNotAssignedToTheAgentAreNeitherStoredNorJudged() throws Exception {
        var response = upload(List.of(result(1, "www"), result(2, "mail"), result(3, "no-such-monitor")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("acknowledged").asLong()).as("their numbers are used up").isEqualTo(3);
        assertThat(json(response).get("refused").asInt()).isEqualTo(2);
        assertThat(hub.db.results().between("mail", Instant.EPOCH, Instant.now().plusSeconds(60))).isEmpty();
        assertThat(hub.db.results().between("no-such-monitor", Instant.EPOCH, Instant.now().plusSeconds(60))).isEmpty();
        assertThat(hub.db.results().between("www", Instant.EPOCH, Instant.now().plusSeconds(60))).hasSize(1);
    }

    @Test
    void aSequenceFarAheadIsRefusedSoTheRealAgentsNextResultsAreNotDropped() throws Exception {
        assertThat(upload(List.of(result(1, "www"))).statusCode()).isEqualTo(200);

        var forged = upload(List.of(result(1_000_000, "www")));

        assertThat(forged.statusCode()).isEqualTo(409);
        assertThat(json(forged).get("message").asText()).contains("expected 2");
        assertThat(hub.db.results().lastSequence("osaka")).as("not acknowledged").isEqualTo(1);
        var next = upload(List.of(result(2, "www"), result(3, "www")));
        assertThat(json(next).get("acknowledged").asLong()).isEqualTo(3);
        assertThat(hub.db.results().between("www", Instant.EPOCH, Instant.now().plusSeconds(60))).hasSize(3);
    }

    @Test
    void anOversizedBatchIs413() throws Exception {
        var many = new ArrayList<AgentWire.Result>();
        for (int i = 1; i <= AgentApi.MAX_BATCH + 1; i++) many.add(result(i, "www"));

        var response = upload(many);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("at most 1000");
        assertThat(hub.db.results().lastSequence("osaka")).isZero();
    }
}
