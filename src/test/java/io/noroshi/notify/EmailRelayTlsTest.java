package io.noroshi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.noroshi.admin.ComponentChange;
import io.noroshi.admin.IncidentDraft;
import io.noroshi.admin.UpdateDraft;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.subscriber.Subscriber;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMTP relay over implicit TLS (GreenMail's SMTPS) and STARTTLS (a loopback relay that insists on it), each
 * with the test's certificate for 127.0.0.1 trusted through {@code trust_store}; a relay whose certificate does
 * not verify is refused with an error that says why, and the fallback relay delivers.
 */
class EmailRelayTlsTest {

    /** The certificate GreenMail's SMTPS presents (surefire points GreenMail at it; see the pom). */
    static final Path RELAY_KEYS = Path.of("src/test/resources/tls/mail-relay.p12");
    static final char[] PASSWORD = "changeit".toCharArray();

    static {
        System.setProperty("greenmail.tls.keystore.file", RELAY_KEYS.toAbsolutePath().toString());
        System.setProperty("greenmail.tls.keystore.password", "changeit");
    }

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.SMTP.createCopy("127.0.0.1").dynamicPort(), ServerSetupTest.SMTPS.createCopy("127.0.0.1").dynamicPort()});

    @TempDir
    Path data;
    NotifyHub hub;
    Path trustStore;

    @BeforeEach
    void trustTheRelaysCertificate() throws Exception {
        KeyStore keys = load(RELAY_KEYS);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("relay", keys.getCertificate(keys.aliases().nextElement()));
        trustStore = data.resolve("relay-ca.p12");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trust.store(out, PASSWORD);
        }
    }

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
    }

    @Test
    void implicitTlsToGreenMailWithAPrivateTrustStoreDelivers() throws Exception {
        hub = new NotifyHub(data.resolve("hub"), "channels:\n" + relay("mail", SMTP.getSmtps().getPort(), "tls", trusting()));
        subscribe("dave@example.com", "erin@example.com");
        openIncident();
        assertThat(SMTP.waitForIncomingEmail(60_000, 2)).isTrue();
        assertThat(SMTP.getReceivedMessages()).extracting(m -> m.getSubject()).containsOnly("[Sakura Hosting] Major outage: Mail is delayed");
        assertThat(noDead()).isTrue();
    }

    @Test
    void startTlsComesUpBeforeAnyMailIsSent() throws Exception {
        try (StartTlsRelay relay = StartTlsRelay.start(serverContext())) {
            hub = new NotifyHub(data.resolve("hub"), "channels:\n" + relay("mail", relay.port(), "starttls", trusting()));
            subscribe("dave@example.com", "erin@example.com");
            openIncident();
            for (int i = 0; i < 600 && relay.received().size() < 2; i++) Thread.sleep(100);

            assertThat(relay.received()).extracting(StartTlsRelay.Received::recipient)
                    .containsExactlyInAnyOrder("dave@example.com", "erin@example.com");
            assertThat(relay.received()).allSatisfy(r -> assertThat(r.message()).contains("Subject: [Sakura Hosting] Major outage: Mail is delayed"));
            // In the clear: the greeting and the upgrade only, never a sender, a recipient or a message.
            assertThat(relay.commandsInClear()).containsOnly("EHLO noroshi.invalid", "STARTTLS");
        }
    }

    @Test
    void aRelayWhoseCertificateDoesNotVerifyIsRefusedAndTheFallbackDelivers() throws Exception {
        hub = new NotifyHub(data.resolve("hub"), "channels:\n"
                + relay("mail", SMTP.getSmtps().getPort(), "tls", "fallback_host: 127.0.0.1\nfallback_port: " + SMTP.getSmtp().getPort()
                        + "\nfallback_tls: none\n")
                + relay("strict", SMTP.getSmtps().getPort(), "tls", "") + "subscribers:\n  email_channel: mail\n");
        // The JDK's authorities do not vouch for the relay's certificate: the operator's test says so plainly.
        String token = hub.adminToken();
        var test = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.url("/api/admin/v1/notifications/test")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\": \"strict\", \"to\": \"ops@example.com\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(test.body()).contains("failed: primary TLS with 127.0.0.1:" + SMTP.getSmtps().getPort()
                + " failed: the relay's certificate is not signed by a trusted authority (for a private CA, set trust_store)");
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        subscribe("dave@example.com", "erin@example.com");
        openIncident();
        assertThat(SMTP.waitForIncomingEmail(60_000, 2)).isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        assertThat(noDead()).isTrue();
    }

    /** One email channel's entry under {@code channels:}, with {@code more} keys. */
    private static String relay(String name, int port, String tls, String more) {
        return ("- name: " + name + "\n  kind: email\n  from: status@sakura.example\n  host: 127.0.0.1\n  port: " + port + "\n  tls: " + tls
                + "\n" + more.indent(2)).indent(2);
    }

    private String trusting() {
        return "trust_store: " + trustStore + "\ntrust_store_password: changeit\n";
    }

    private void subscribe(String... addresses) {
        for (String who : addresses) hub.hub.notifications().subscriptions().add(Subscriber.Kind.EMAIL, who, "en", List.of());
    }

    private void openIncident() {
        hub.hub.admin().incidents().open(NotifyHub.OPERATOR, new IncidentDraft(Text.of("Mail is delayed"), Impact.MAJOR, new UpdateDraft(
                IncidentStatus.INVESTIGATING, Text.of("We are looking into it."), List.of(new ComponentChange("mail", ComponentStatus.MAJOR_OUTAGE)),
                true)));
    }

    private boolean noDead() {
        return hub.hub.notifications().outbox().recent(5).stream().flatMap(n -> n.channels().stream()).allMatch(c -> c.dead() == 0);
    }

    private static SSLContext serverContext() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(RELAY_KEYS), PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
