package io.noroshi.notify;

import io.noroshi.admin.AccessCommands;
import io.noroshi.account.Accounts;
import io.noroshi.account.Actor;
import io.noroshi.account.ApiTokens;
import io.noroshi.account.LoginThrottle;
import io.noroshi.account.PasswordHashes;
import io.noroshi.account.Scope;
import io.noroshi.account.SecretTokens;
import io.noroshi.admin.AdminJson;
import io.noroshi.admin.AuditTrail;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A hub in its own JVM ({@code noroshi serve}), so a test can kill it with SIGKILL, and what it needs set up beforehand. */
final class ChildHub implements AutoCloseable {

    final Process process;
    final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ChildHub(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ChildHub start(Path config, Path data, int port, String databaseUrl, Path log) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), "io.noroshi.cli.Main", "serve", "--config", config.toString(),
                "--port", Integer.toString(port), "--data", data.toString()));
        if (databaseUrl != null) command.addAll(List.of("--database-url", databaseUrl));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        var hub = new ChildHub(process, port);
        // Bounded: 60 s for a JVM to start and migrate on this shared machine.
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) throw new IllegalStateException("the hub exited:\n" + Files.readString(log));
            if (hub.status("/healthz") == 200) return hub;
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the hub did not answer:\n" + Files.readString(log));
    }

    /** An operator and an admin token made straight in the database, before any hub runs on it. */
    static String adminToken(DatabaseSettings where) {
        try (Database db = Database.open(where)) {
            var clock = Clock.systemUTC();
            var accounts = new Accounts(db.operators(), new PasswordHashes(), new LoginThrottle(clock), new SecretTokens(), clock);
            var tokens = new ApiTokens(db.tokens(), db.operators(), new SecretTokens(), clock);
            var access = new AccessCommands(accounts, tokens, new AuditTrail(db.auditLog(), new AdminJson(), clock), db.allOrNothing());
            var operator = accounts.create("ops@example.com", "correct horse battery".toCharArray());
            return access.issueToken(new Actor(operator.id(), "test", Scope.ADMIN), "test", Scope.ADMIN).secret();
        }
    }

    /** {@code count} confirmed e-mail subscribers user0@example.com ..., in one transaction. */
    static void subscribers(DatabaseSettings where, int count) {
        try (Database db = Database.open(where)) {
            db.write(h -> {
                var batch = h.prepareBatch("INSERT INTO notify_subscribers (id, kind, address, lang, components, state, generation, created_at,"
                        + " confirmed_at) VALUES (:id, 'email', :address, 'en', '', 'confirmed', 1, 0, 0)");
                for (int i = 0; i < count; i++) batch.bind("id", "s" + i).bind("address", "user" + i + "@example.com").add();
                batch.execute();
                return null;
            });
        }
    }

    int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    HttpResponse<String> post(String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/v1" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook, no last flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        http.close();
    }

    static DatabaseSettings sqlite(Path data) {
        return DatabaseSettings.fromCommandLine(data, Optional.empty());
    }
}
