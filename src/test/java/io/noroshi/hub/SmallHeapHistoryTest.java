package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.statuspage.bench.HistorySeeder;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub with thousands of incidents in a heap far smaller than their pages and texts would need:
 * it must start, serve its recent pages, its oldest incident's page and its deepest history page.
 * A child JVM with -Xmx48m and -XX:+ExitOnOutOfMemoryError: running out of memory ends it, and
 * the test with it.
 */
class SmallHeapHistoryTest {

    private static final int INCIDENTS = 3_000;

    @TempDir
    Path dir;

    @Test
    void aHubWithThousandsOfIncidentsStartsAndServesInASmallHeap() throws Exception {
        Path config = dir.resolve("noroshi.yaml");
        HistorySeeder.seed(dir.resolve("data"), config, INCIDENTS, 20, Instant.now());
        String oldest;
        try (Database db = Database.open(DatabaseSettings.Sqlite.inDataDir(dir.resolve("data")))) {
            oldest = db.incidents().history(INCIDENTS - 1, 1).getFirst().id();
        }
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-Xmx48m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), "io.noroshi.cli.Main", "serve", "--config", config.toString(),
                "--data", dir.resolve("data").toString(), "--bind", "127.0.0.1", "--port", String.valueOf(port)));
        Path log = dir.resolve("hub.log");
        Process hub = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String base = "http://127.0.0.1:" + port;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            int status = 0;
            while (status != 200 && hub.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                status = status(http, base + "/api/v2/summary.json");
            }
            assertThat(status).as("summary.json; hub log:\n%s", Files.readString(log)).isEqualTo(200);
            assertThat(get(http, base + "/").body()).contains("Busy Hosting");
            assertThat(get(http, base + "/history").body()).contains("of " + INCIDENTS / 10);
            // The oldest pages, rendered on demand, and a crawl through a stretch of old pages.
            assertThat(get(http, base + "/history/" + INCIDENTS / 10).body()).contains("/incidents/" + oldest);
            assertThat(get(http, base + "/ja/incidents/" + oldest).body()).contains("中継サーバー 0 ");
            for (int page = 100; page < 160; page++) {
                assertThat(get(http, base + "/history/" + page).statusCode()).as("history page %d", page).isEqualTo(200);
            }
            assertThat(hub.isAlive()).as("hub log:\n%s", Files.readString(log)).isTrue();
        } finally {
            hub.destroy();
            if (!hub.waitFor(10, TimeUnit.SECONDS)) hub.destroyForcibly();
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status of a GET, 0 while nothing listens yet. */
    private static int status(HttpClient http, String url) throws InterruptedException {
        try {
            return get(http, url).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
