package io.noroshi.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workload the launcher records the JVM's startup cache from (JDK 25's AOT cache, see
 * {@code scripts/startup-cache.sh}): the demo hub started as {@code serve --demo} starts it, on a
 * throwaway data directory and a free loopback port, its public files read over HTTP, then a clean
 * stop. The classes it loads and the methods it runs here are what the cache prepares for the next start.
 */
public final class StartupTraining {

    /** Public files a browser and a Statuspage client read first, each asked with and without gzip. */
    static final List<String> PATHS = List.of("/", "/?lang=ja", "/api/v2/summary.json", "/api/v2/status.json",
            "/api/v2/components.json", "/history.atom", "/badge.svg", "/healthz");
    /** Enough reads that the request path's methods get profiles, few enough to stay well under a second. */
    static final int ROUNDS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private StartupTraining() {
    }

    /**
     * Runs the workload and removes its data directory.
     *
     * @return how many requests the hub answered, all of them 200
     * @throws IllegalStateException when a public file does not answer 200, so a broken build records no cache
     */
    public static int run() {
        return run(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** {@link #run()} with its throwaway data directory made inside {@code parent}. */
    static int run(Path parent) {
        Path data = temporaryDirectory(parent);
        try (Hub hub = Hub.start(new HubOptions(null, true, "127.0.0.1", 0, data, null))) {
            return readPublicFiles(hub.port());
        } finally {
            deleteTree(data);
        }
    }

    private static int readPublicFiles(int port) {
        int answered = 0;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            for (int round = 0; round < ROUNDS; round++) {
                for (String path : PATHS) {
                    for (String encoding : List.of("gzip", "identity")) {
                        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Accept-Encoding", encoding).timeout(TIMEOUT).build();
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) {
                            throw new IllegalStateException("startup training: " + path + " answered " + status + ", not 200");
                        }
                        answered++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("startup training: cannot read the demo hub on port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("startup training interrupted", e);
        }
        return answered;
    }

    private static Path temporaryDirectory(Path parent) {
        try {
            return Files.createTempDirectory(parent, "noroshi-training-");
        } catch (IOException e) {
            throw new UncheckedIOException("startup training: cannot create a temporary data directory", e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover temporary directory is harmless; the cache is what matters.
            System.err.println("startup training: could not remove " + root + ": " + e.getMessage());
        }
    }
}
