package io.noroshi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.noroshi.admin.ComponentChange;
import io.noroshi.admin.IncidentDraft;
import io.noroshi.admin.UpdateDraft;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.subscriber.Subscriber;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The signed webhook checked by an independent HMAC (Python's), the fallback relay, and refused webhook URLs. */
class WebhookAndRelayTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup[] {ServerSetupTest.SMTP.createCopy("127.0.0.1").dynamicPort()});

    record Received(String signature, String delivery, byte[] body) {
    }

    @TempDir
    Path data;
    NotifyHub hub;
    HttpServer receiver;
    final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
        if (receiver != null) receiver.stop(0);
    }

    private int startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Noroshi-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Noroshi-Delivery"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        return receiver.getAddress().getPort();
    }

    @Test
    void webhookIsStatuspageShapedAndItsSignatureVerifiesWithPythonHmac() throws Exception {
        int port = startReceiver();
        Path secret = Files.writeString(data.resolve("hook.secret"), "team-secret-0123456789\n");
        hub = new NotifyHub(data.resolve("hub"), """
                channels:
                  - name: ops
                    kind: webhook
                    url: http://127.0.0.1:%d/hook
                    secret_file: %s
                routes:
                  - channels: [ops]
                    events: [incident]
                """.formatted(port, secret));
        openIncident("Mail is delayed", "mail");
        Received r = received.poll(30, TimeUnit.SECONDS);
        assertThat(r).as("the webhook arrived").isNotNull();
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertThat(json.at("/incident/name").asText()).isEqualTo("Mail is delayed");
        assertThat(json.at("/incident/status").asText()).isEqualTo("investigating");
        assertThat(json.at("/incident/incident_updates/0/body").asText()).isEqualTo("We are looking into it.");
        assertThat(json.at("/incident/components/0/id").asText()).isEqualTo("mail");
        assertThat(json.at("/page/id").asText()).isEqualTo("sakura-hosting");
        assertThat(json.has("meta")).isTrue();
        assertThat(r.delivery()).isNotBlank();

        // the receiver's side, written independently: Python's hmac over "<t>.<body>"
        String t = r.signature().replaceAll("^t=(\\d+),v1=.*$", "$1");
        String v1 = r.signature().replaceAll("^t=\\d+,v1=([0-9a-f]{64})$", "$1");
        assertThat(python("team-secret-0123456789", t, r.body())).isEqualTo(v1);
        assertThat(python("wrong-secret", t, r.body())).isNotEqualTo(v1);
    }

    private String python(String secret, String t, byte[] body) throws Exception {
        Path file = Files.write(data.resolve("body-" + System.nanoTime()), body);
        var process = new ProcessBuilder("python3", "-c", "import hmac,hashlib,sys; body=open(sys.argv[3],'rb').read();"
                + " print(hmac.new(sys.argv[1].encode(), sys.argv[2].encode()+b'.'+body, hashlib.sha256).hexdigest())", secret, t, file.toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void maintenanceScheduledStartedAndCompletedReachAMaintenanceRoute() throws Exception {
        int port = startReceiver();
        Path secret = Files.writeString(data.resolve("hook.secret"), "maintenance-secret");
        hub = new NotifyHub(data.resolve("hub"), """
                channels:
                  - name: ops
                    kind: webhook
                    url: http://127.0.0.1:%d/hook
                    secret_file: %s
                routes:
                  - channels: [ops]
                    events: [maintenance]
                """.formatted(port, secret));
        var commands = hub.hub.admin().maintenance();
        var from = java.time.Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var scheduled = commands.schedule(NotifyHub.OPERATOR, new io.noroshi.admin.MaintenanceDraft(Text.of("Mail server upgrade"),
                Impact.MINOR, from, from.plusSeconds(3600), List.of("mail"), Text.of("We upgrade the mail servers."), false, false));
        commands.start(NotifyHub.OPERATOR, scheduled.id(), Text.EMPTY);
        commands.complete(NotifyHub.OPERATOR, scheduled.id(), Text.EMPTY);
        var statuses = new java.util.ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            Received r = received.poll(30, TimeUnit.SECONDS);
            assertThat(r).as("maintenance webhook %d", i + 1).isNotNull();
            JsonNode json = new ObjectMapper().readTree(r.body());
            assertThat(json.at("/incident/impact").asText()).isEqualTo("maintenance");
            assertThat(json.at("/incident/scheduled_for").asText()).isEqualTo(from.toString());
            statuses.add(json.at("/incident/status").asText());
        }
        assertThat(statuses).containsExactlyInAnyOrder("scheduled", "in_progress", "completed");
        assertThat(received.poll(0, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void primaryRelayDownTheFallbackDelivers() throws Exception {
        int closed = NotifyHub.freePort(); // nothing listens there: the primary refuses every connection
        hub = new NotifyHub(data, """
                channels:
                  - name: mail
                    kind: email
                    from: status@sakura.example
                    host: 127.0.0.1
                    port: %d
                    tls: none
                    fallback_host: 127.0.0.1
                    fallback_port: %d
                    fallback_tls: none
                """.formatted(closed, SMTP.getSmtp().getPort()));
        var subscriptions = hub.hub.notifications().subscriptions();
        for (String who : List.of("dave@example.com", "erin@example.com")) subscriptions.add(Subscriber.Kind.EMAIL, who, "en", List.of());
        openIncident("Mail is delayed", "mail");
        assertThat(SMTP.waitForIncomingEmail(30_000, 2)).isTrue();
        assertThat(SMTP.getReceivedMessages()).extracting(m -> m.getSubject()).containsOnly("[Sakura Hosting] Major outage: Mail is delayed");
        // "send a test" through the API, as the admin page's button and `noroshi notify test` do: the fallback takes it too
        String token = hub.adminToken();
        var test = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.url("/api/admin/v1/notifications/test")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\": \"mail\", \"to\": \"ops@example.com\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(test.body()).contains("\"result\":\"sent\"");
        assertThat(SMTP.waitForIncomingEmail(30_000, 3)).isTrue();
        var log = hub.hub.notifications().outbox().recent(5);
        var incident = log.stream().filter(n -> n.event().equals("INCIDENT_CREATED")).findFirst().orElseThrow();
        assertThat(incident.channels()).singleElement().satisfies(c -> {
            assertThat(c.channel()).isEqualTo("mail");
            assertThat(c.dead()).isZero();
        });
    }

    @Test
    void webhookUrlsThatAreNotHttpOrPointAtTheHubAreRefused() throws Exception {
        hub = new NotifyHub(data, """
                channels: []
                """);
        var http = HttpClient.newHttpClient();
        for (String bad : List.of("ftp://example.com/hook", "file:///etc/passwd", "javascript:alert(1)", "http://127.0.0.1:" + hub.port + "/admin",
                "http://localhost:" + hub.port + "/x", "not a url")) {
            var response = http.send(HttpRequest.newBuilder(URI.create(hub.url("/subscribe")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("lang=en&url=" + URLEncoder.encode(bad, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).contains("must start with http:// or https://");
        }
        assertThat(hub.hub.notifications().subscriptions().store().count()).isZero();
    }

    @Test
    void aPublicWebhookSubscriptionIsVerifiedAtItsUrlThenGetsSignedUpdates() throws Exception {
        int port = startReceiver();
        hub = new NotifyHub(data, "channels: []\n");
        String url = "http://127.0.0.1:" + port + "/hook";
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.url("/subscribe")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("lang=en&components=web&url=" + URLEncoder.encode(url, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        String secret = answer.body().replaceAll("(?s).*<code>(whsec_[A-Za-z0-9_-]+)</code>.*", "$1");
        assertThat(secret).startsWith("whsec_");

        Received verification = received.poll(30, TimeUnit.SECONDS);
        assertThat(verification).isNotNull();
        assertThat(python(secret, verification.signature().replaceAll("^t=(\\d+),.*$", "$1"), verification.body()))
                .isEqualTo(verification.signature().replaceAll("^.*v1=", ""));
        String confirm = new ObjectMapper().readTree(verification.body()).path("confirm_url").asText();
        assertThat(confirm).startsWith(hub.url("/subscribe/confirm?t="));
        openIncident("Web is slow", "web"); // not yet confirmed: nothing for this URL
        var confirmed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(confirm)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        openIncident("Web is down", "web");
        Received update = received.poll(30, TimeUnit.SECONDS);
        assertThat(update).isNotNull();
        JsonNode json = new ObjectMapper().readTree(update.body());
        if (json.has("component_update")) { // the component's change may come first
            assertThat(json.at("/component/id").asText()).isEqualTo("web");
            update = received.poll(30, TimeUnit.SECONDS);
            json = new ObjectMapper().readTree(update.body());
        }
        assertThat(json.at("/incident/name").asText()).isEqualTo("Web is down");
        assertThat(python(secret, update.signature().replaceAll("^t=(\\d+),.*$", "$1"), update.body()))
                .isEqualTo(update.signature().replaceAll("^.*v1=", ""));
    }

    private void openIncident(String name, String component) {
        hub.hub.admin().incidents().open(NotifyHub.OPERATOR, new IncidentDraft(Text.of(name), Impact.MAJOR, new UpdateDraft(
                IncidentStatus.INVESTIGATING, Text.of("We are looking into it."), List.of(new ComponentChange(component, ComponentStatus.MAJOR_OUTAGE)),
                true)));
    }
}
