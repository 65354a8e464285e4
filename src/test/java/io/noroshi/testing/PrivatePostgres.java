package io.noroshi.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of a test's own, which the test may stop and start: its own data directory
 * and port on loopback, run as the postgres user with Debian's binaries (never the shared test
 * cluster, which other tests use). Trust authentication, loopback only. Needs root and the
 * postgresql package; the test is skipped (not failed) without them.
 */
public final class PrivatePostgres implements AutoCloseable {

    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path root;
    private final Path data;
    private final int port;

    private PrivatePostgres(Path root, int port) {
        this.root = root;
        this.data = root.resolve("data");
        this.port = port;
    }

    /** Creates the cluster (initdb) and starts it. */
    public static PrivatePostgres start() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(BIN.resolve("pg_ctl")), "PostgreSQL 15 server binaries not installed");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "starting PostgreSQL as the postgres user needs root");
        // Not @TempDir: the postgres user must be able to enter it.
        Path root = Files.createTempDirectory("noroshi-private-pg", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        run(List.of("chown", "postgres", root.toString()));
        var server = new PrivatePostgres(root, freePort());
        server.asPostgres(BIN.resolve("initdb").toString(), "-D", server.data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8");
        server.startAgain();
        return server;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** Stops the server at once (fast shutdown: open connections are cut). */
    public void stop() throws IOException, InterruptedException {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    /** Starts the server again on the same port and data, and waits until it accepts connections. */
    public void startAgain() throws IOException, InterruptedException {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", root.resolve("server.log").toString(), "-w", "-o",
                "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=" + root, "start");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop");
        } catch (IOException alreadyStopped) {
            // stopped by the test
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void asPostgres(String... command) throws IOException, InterruptedException {
        var all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        all.addAll(List.of(command));
        run(all);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(output));
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
