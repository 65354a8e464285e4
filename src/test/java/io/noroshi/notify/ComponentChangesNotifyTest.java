package io.noroshi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.noroshi.storage.TestPostgres;
import io.noroshi.subscriber.Subscriber;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Component statuses moved by a monitor's verdict or by an operator's override reach the webhook subscribers scoped
 * to that component through the outbox, as an incident update's do: Statuspage's {@code component_update}, signed.
 */
class ComponentChangesNotifyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Received(String path, String signature, JsonNode body) {
    }

    @TempDir
    Path data;
    private HttpServer target;
    private HttpServer receiver;
    private NotifyHub hub;
    private String database;
    private final AtomicInteger health = new AtomicInteger(200);
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
        if (receiver != null) receiver.stop(0);
        if (target != null) target.stop(0);
        if (database != null) TestPostgres.dropDatabase(database);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void verdictsAndOverridesReachTheComponentsWebhookSubscribers(String engine) throws Exception {
        String databaseUrl = null;
        if (engine.equals("postgresql")) {
            TestPostgres.assumeEnabled();
            database = TestPostgres.createDatabase();
            databaseUrl = TestPostgres.urlOf(database);
        }
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(health.get(), -1);
            exchange.close();
        });
        target.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("X-Noroshi-Signature"),
                    JSON.readTree(body)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        hub = new NotifyHub(data.resolve("hub"), NotifyHub.freePort(), "channels: []\n", databaseUrl, """
                monitors:
                  - {id: web-check, kind: http, url: 'http://127.0.0.1:%d/health', interval: 200ms, timeout: 2s, component: web}
                """.formatted(target.getAddress().getPort()));
        String hooks = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/";
        var subscriptions = hub.hub.notifications().subscriptions();
        subscriptions.add(Subscriber.Kind.WEBHOOK, hooks + "web", "en", List.of("web"));
        subscriptions.add(Subscriber.Kind.WEBHOOK, hooks + "mail", "en", List.of("mail"));
        subscriptions.add(Subscriber.Kind.WEBHOOK, hooks + "all", "en", List.of());

        // The monitor sees the site fail: web goes from operational to a major outage.
        health.set(503);
        List<Received> down = next(2);
        assertThat(down).extracting(Received::path).containsExactlyInAnyOrder("/hook/web", "/hook/all");
        for (Received r : down) {
            assertThat(r.signature()).startsWith("t=");
            assertThat(r.body().path("component_update").path("component_id").asText()).isEqualTo("web");
            assertThat(r.body().path("component_update").path("old_status").asText()).isEqualTo("operational");
            assertThat(r.body().path("component_update").path("new_status").asText()).isEqualTo("major_outage");
            assertThat(r.body().path("component").path("status").asText()).isEqualTo("major_outage");
        }

        // An operator says it is only partial, through the admin API.
        String token = hub.adminToken();
        assertThat(admin("PUT", "/api/admin/v1/components/web/override", "{\"status\": \"partial_outage\"}", token)).isEqualTo(200);
        List<Received> overridden = next(2);
        assertThat(overridden).extracting(r -> r.body().path("component_update").path("new_status").asText())
                .containsOnly("partial_outage");
        assertThat(overridden).extracting(r -> r.body().path("component_update").path("old_status").asText()).containsOnly("major_outage");

        // The site comes back while the override holds: nothing is said; clearing it hands web back to the monitor (up).
        health.set(200);
        awaitMonitorUp();
        assertThat(received).isEmpty();
        assertThat(admin("DELETE", "/api/admin/v1/components/web/override", "", token)).isEqualTo(200);
        List<Received> back = next(2);
        assertThat(back).extracting(r -> r.body().path("component_update").path("new_status").asText()).containsOnly("operational");

        // Every one of these notices went to the two subscribers whose scope covers web, never to the one scoped to mail
        // (the outcomes are stored in batches, a moment after the receiver has them).
        Outbox outbox = hub.hub.notifications().outbox();
        for (int i = 0; i < 600 && outbox.depth().pending() > 0; i++) Thread.sleep(100);
        List<Outbox.NoticeLog> log = outbox.recent(20);
        assertThat(log).filteredOn(n -> n.target().equals("component/web")).hasSize(3).allSatisfy(n ->
                assertThat(n.channels()).singleElement().satisfies(c -> {
                    assertThat(c.channel()).isEqualTo(Outbox.SUBSCRIBER_WEBHOOKS);
                    assertThat(c.sent()).isEqualTo(2);
                }));
        assertThat(received).isEmpty();
    }

    private List<Received> next(int count) throws InterruptedException {
        var out = new java.util.ArrayList<Received>();
        for (int i = 0; i < count; i++) {
            Received r = received.poll(60, TimeUnit.SECONDS);
            assertThat(r).as("webhook %d of %d", i + 1, count).isNotNull();
            out.add(r);
        }
        return out;
    }

    /** The monitor's verdict is up again (the component stays overridden). */
    private void awaitMonitorUp() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (hub.hub.monitoring().engine().verdict("web-check") == io.noroshi.monitor.Verdict.UP) return;
            Thread.sleep(100);
        }
        throw new AssertionError("web-check did not come up again");
    }

    private int admin(String method, String path, String body, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(hub.url(path))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
