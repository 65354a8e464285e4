package io.noroshi.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A demo hub in its own JVM, started with the launcher's default JVM options (read from
 * {@code scripts/jdk.sh}) and a heap the test chooses: the way an operator runs it, so a test can
 * load it until its heap would run out and see whether it still answers.
 */
final class HubProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("status page on http://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final ConcurrentLinkedQueue<String> output = new ConcurrentLinkedQueue<>();
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HubProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the demo hub on a free loopback port with {@code heap} (e.g. "40m") and extra serve options. */
    static HubProcess start(Path data, String heap, String... serveOptions) throws IOException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : defaultJavaOptions()) command.add(option.startsWith("-Xmx") ? "-Xmx" + heap : option);
        // What the jar's manifest gives `java -jar`: the read path's sendfile (web/Sendfile).
        command.addAll(List.of("--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED"));
        // The hub's own logging, not the quieter logback-test.xml the test class path would pick: the test reads
        // the log an operator reads.
        command.addAll(List.of("-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"), "io.noroshi.cli.Main",
                "serve", "--demo", "--port", "0", "--data", data.toString()));
        command.addAll(List.of(serveOptions));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var lines = new ConcurrentLinkedQueue<String>();
        int port = -1;
        // Bounded: a hub that does not say where it listens within 200 lines has failed to start.
        for (int i = 0; i < 200 && port < 0; i++) {
            String line = reader.readLine();
            if (line == null) break;
            lines.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) port = Integer.parseInt(m.group(1));
        }
        if (port < 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the hub did not start:\n" + String.join("\n", lines));
        }
        var hub = new HubProcess(process, port);
        hub.output.addAll(lines);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) hub.output.add(line);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        return hub;
    }

    /** NOROSHI_DEFAULT_JAVA_OPTS as the launcher computes it for this JDK. */
    static List<String> defaultJavaOptions() throws IOException {
        Process shell = new ProcessBuilder("bash", "-c", ". scripts/jdk.sh && noroshi_find_jdk && echo \"$NOROSHI_DEFAULT_JAVA_OPTS\"")
                .redirectErrorStream(true).start();
        String options = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!options.contains("-Xmx")) throw new IllegalStateException("scripts/jdk.sh gave no heap option: " + options);
        return List.of(options.split("\\s+"));
    }

    int port() {
        return port;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Status of a GET on a new connection, or -1 when the hub did not answer within {@code timeout}. */
    int get(String path, Duration timeout) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits until the hub printed {@code text}, at most {@code limit}; whether it did. */
    boolean awaitOutput(String text, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!output().contains(text)) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(50);
        }
        return true;
    }

    /** Everything the hub printed so far. */
    String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        http.close();
    }

    static Path tempData() throws IOException {
        return Files.createTempDirectory("noroshi-stampede");
    }
}
