package io.noroshi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees when {@code noroshi serve} cannot start: one line on stderr, exit 1, and
 * nothing created. Run as a real process, so a log line or a stack trace anywhere would show.
 */
class StartupMessagesTest {

    @TempDir
    Path dir;

    @Test
    void aBusyPortIsOneLineAndNoDatabaseIsCreatedOrSeeded() throws Exception {
        try (var taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            Path data = dir.resolve("data");
            var run = run(dir, "serve", "--demo", "--bind", "127.0.0.1", "--port", String.valueOf(port), "--data", data.toString());
            assertThat(run.exit).isEqualTo(1);
            assertThat(run.err).containsExactly("noroshi serve: port " + port + " is in use; choose another with --port");
            assertThat(run.out).isEmpty();
            assertThat(data).doesNotExist();
            try (var left = Files.list(dir)) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Test
    void aMissingConfigSaysNotFoundAndSuggestsTheDemoAndCheckConfig() throws Exception {
        var run = run(dir, "serve", "--port", "0");
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).hasSize(1);
        assertThat(run.err.get(0)).startsWith("noroshi serve: config file noroshi.yaml not found;")
                .contains("./noroshi serve --demo", "./noroshi check-config noroshi.yaml");
        assertThat(run.out).isEmpty();
        try (var left = Files.list(dir)) {
            assertThat(left).as("no data directory, no database").isEmpty();
        }
    }

    @Test
    void anUnknownBindAddressIsOneLine() throws Exception {
        Path data = dir.resolve("data");
        var run = run(dir, "serve", "--demo", "--bind", "192.0.2.999", "--port", "0", "--data", data.toString());
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).containsExactly("noroshi serve: --bind 192.0.2.999 is not an address of this machine");
        assertThat(data).doesNotExist();
    }

    private record Run(int exit, List<String> out, List<String> err) {
    }

    /** Runs the CLI in a JVM of its own from {@code cwd}, as the launcher would (NOROSHI_LAUNCHER=./noroshi). */
    private static Run run(Path cwd, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "-Xshare:auto", Main.class.getName()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(cwd.toFile());
        builder.environment().put("NOROSHI_LAUNCHER", "./noroshi");
        builder.environment().remove("NOROSHI_DATABASE_URL");
        Path out = Files.createTempFile("noroshi-out", ".txt");
        Path err = Files.createTempFile("noroshi-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("noroshi " + String.join(" ", args) + " did not exit");
            }
            return new Run(process.exitValue(), lines(out), lines(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).toList();
    }
}
