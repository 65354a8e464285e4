package io.noroshi.probe.mail;

import io.noroshi.probe.tls.TrustStore;
import java.time.Duration;
import java.util.Objects;

/**
 * Checks a POP3 server: the {@code +OK} greeting, STLS or implicit TLS when asked, then QUIT.
 *
 * <pre>
 * - kind: pop3
 *   host: mail.example.com
 *   port: 110                 # default 110, or 995 with tls: implicit
 *   tls: starttls            # none | starttls | implicit; default none
 *   server_name: mail.example.com   # SNI and certificate name; default: host
 *   verify_certificate: true        # default true
 *   trust_store: /etc/noroshi/private-ca.p12   # default: the JDK's CAs
 *   trust_store_password: ...
 *   timeout: 10s
 * </pre>
 */
public record Pop3Probe(String host, int port, MailTls tls, String serverName, TrustStore trustStore,
        boolean verifyCertificate, Duration timeout) implements MailProbe {

    public static final int PLAIN_PORT = 110;
    public static final int IMPLICIT_TLS_PORT = 995;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public Pop3Probe {
        Objects.requireNonNull(host, "host");
        tls = tls == null ? MailTls.NONE : tls;
        port = MailProbe.portOrDefault(port, tls, PLAIN_PORT, IMPLICIT_TLS_PORT);
        serverName = serverName == null || serverName.isBlank() ? host : serverName;
        trustStore = trustStore == null ? TrustStore.jdkDefault() : trustStore;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** Defaults for everything but where to connect and how to secure it. */
    public static Pop3Probe of(String host, int port, MailTls tls) {
        return new Pop3Probe(host, port, tls, null, null, true, null);
    }

    public Pop3Probe withTrust(TrustStore store, boolean verify) {
        return new Pop3Probe(host, port, tls, serverName, store, verify, timeout);
    }

    public Pop3Probe withServerName(String name) {
        return new Pop3Probe(host, port, tls, name, trustStore, verifyCertificate, timeout);
    }

    public Pop3Probe withTimeout(Duration limit) {
        return new Pop3Probe(host, port, tls, serverName, trustStore, verifyCertificate, limit);
    }

    @Override
    public String kind() {
        return "pop3";
    }

    @Override
    public String target() {
        return describeTarget("pop3");
    }
}
