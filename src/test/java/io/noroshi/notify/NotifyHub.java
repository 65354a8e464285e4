package io.noroshi.notify;

import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.hub.Hub;
import io.noroshi.hub.HubOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** A hub on loopback with a config of two components and a {@code notifications:} section given by the test. */
final class NotifyHub implements AutoCloseable {

    static final Actor OPERATOR = new Actor("op1", "ops@example.com", Scope.ADMIN);

    final Hub hub;
    final int port;

    NotifyHub(Path data, String notifications) {
        this(data, freePort(), notifications, null);
    }

    NotifyHub(Path data, int port, String notifications, String databaseUrl) {
        this(data, port, notifications, databaseUrl, "");
    }

    /** @param more top-level YAML after the components (monitors, ...) */
    NotifyHub(Path data, int port, String notifications, String databaseUrl, String more) {
        this.port = port;
        Path config = data.resolve("noroshi.yaml");
        try {
            Files.createDirectories(data);
            Files.writeString(config, more + config(port, notifications));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        hub = Hub.start(new HubOptions(config, false, "127.0.0.1", port, data, databaseUrl), Clock.systemUTC());
    }

    static String config(int port, String notifications) {
        return """
                page:
                  name: Sakura Hosting
                  url: http://127.0.0.1:%d/
                  languages: [en, ja]
                sites:
                  - id: osaka-dc
                  - id: tokyo-dc
                components:
                  - id: mail
                    name: {en: Mail, ja: メール}
                  - id: web
                    name: {en: Web, ja: ウェブ}
                notifications:
                  base_url: http://127.0.0.1:%d
                """.formatted(port, port) + notifications.indent(2);
    }

    /** An operator and an admin-scope API token on this hub. */
    String adminToken() {
        var operator = hub.database().operators().findByEmail("ops@example.com")
                .orElseGet(() -> hub.admin().accounts().create("ops@example.com", "correct horse battery".toCharArray()));
        return hub.admin().access().issueToken(Actor.session(operator), "test-" + System.nanoTime(), Scope.ADMIN).secret();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    static int freePort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        hub.close();
    }
}
