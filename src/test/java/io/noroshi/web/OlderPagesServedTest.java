package io.noroshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.noroshi.config.ConfigLoader;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentUpdate;
import io.noroshi.statuspage.KeptInMemory;
import io.noroshi.statuspage.PageData;
import io.noroshi.statuspage.SiteRenderer;
import io.noroshi.statuspage.Snapshot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An old incident's page, rendered on demand, is served with the headers of any other page: the
 * same ETag and Vary as a render keeping every page, 304 on its ETag, gzip when accepted, and the
 * reader's language by Accept-Language on its plain path.
 */
class OlderPagesServedTest {

    static final Instant NOW = Instant.parse("2026-11-25T03:34:56.789Z");
    static final SnapshotHolder holder = new SnapshotHolder();
    static final HttpClient client = HttpClient.newHttpClient();
    static HubServer server;
    static Snapshot whole;
    static String oldest;

    @BeforeAll
    static void start() {
        NoroshiConfig config = new ConfigLoader().load(Path.of("src/main/resources/demo/noroshi.yaml"));
        var incidents = new ArrayList<Incident>();
        for (int i = 0; i < 120; i++) {
            Instant at = NOW.minus(Duration.ofHours(8L * (120 - i)));
            String id = String.format("inc%09d", i);
            var update = new IncidentUpdate(id + "u", "resolved", Text.of("Fixed " + i, "解消 " + i), at, List.of());
            incidents.add(new Incident(id, Text.of("Incident " + i, "障害 " + i), IncidentStatus.RESOLVED, Impact.MINOR, at, at,
                    Optional.of(at), List.of(update), List.of(), Text.EMPTY));
        }
        oldest = incidents.getFirst().id();
        var data = new PageData(config, Map.of(), List.of(), incidents.reversed(), List.of(), Map.of(), NOW);
        holder.publish(new SiteRenderer().render(data));
        whole = new SiteRenderer(KeptInMemory.EVERYTHING).render(data);
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        server = new HubServer(holder, new Routes(holder, registry)::register).bindMetrics(registry).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anOldIncidentsPageIsServedLikeAKeptOne() throws Exception {
        String path = "/incidents/" + oldest;
        assertThat(holder.snapshot().orElseThrow().resources()).doesNotContainKey(path);
        var expected = whole.resources().get(path);

        var first = client.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
        var again = client.send(request(path).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(expected.body());
        assertThat(first.headers().firstValue("ETag")).contains(expected.etag());
        assertThat(first.headers().firstValue("Vary")).contains("Accept-Encoding, Accept-Language");
        assertThat(first.headers().firstValue("Cache-Control")).contains(expected.cacheControl());
        assertThat(first.headers().firstValue("Content-Type")).contains(expected.contentType());
        assertThat(again.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(again.body()).isEqualTo(expected.gzipped());
        var revalidated = client.send(request(path).header("If-None-Match", expected.etag()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revalidated.statusCode()).isEqualTo(304);
        var japanese = client.send(request(path).header("Accept-Language", "ja").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(japanese.body()).isEqualTo(whole.resources().get("/ja" + path).body());
        var head = client.send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void deepHistoryPagesAndTheirQueryFormAreServedAndUnknownOnesAreNot() throws Exception {
        var page = client.send(request("/history").uri(uri("/history?page=11&lang=ja")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo(whole.resources().get("/ja/history/11").body());
        assertThat(client.send(request("/history/13").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(client.send(request("/incidents/nosuchid0000").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
