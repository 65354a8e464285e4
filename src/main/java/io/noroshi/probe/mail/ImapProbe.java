package io.noroshi.probe.mail;

import io.noroshi.probe.tls.TrustStore;
import java.time.Duration;
import java.util.Objects;

/**
 * Checks an IMAP server: the {@code * OK} greeting, STARTTLS or implicit TLS when asked, then LOGOUT.
 *
 * <pre>
 * - kind: imap
 *   host: mail.example.com
 *   port: 143                 # default 143, or 993 with tls: implicit
 *   tls: starttls            # none | starttls | implicit; default none
 *   server_name: mail.example.com   # SNI and certificate name; default: host
 *   verify_certificate: true        # default true
 *   trust_store: /etc/noroshi/private-ca.p12   # default: the JDK's CAs
 *   trust_store_password: ...
 *   timeout: 10s
 * </pre>
 */
public record ImapProbe(String host, int port, MailTls tls, String serverName, TrustStore trustStore,
        boolean verifyCertificate, Duration timeout) implements MailProbe {

    public static final int PLAIN_PORT = 143;
    public static final int IMPLICIT_TLS_PORT = 993;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ImapProbe {
        Objects.requireNonNull(host, "host");
        tls = tls == null ? MailTls.NONE : tls;
        port = MailProbe.portOrDefault(port, tls, PLAIN_PORT, IMPLICIT_TLS_PORT);
        serverName = serverName == null || serverName.isBlank() ? host : serverName;
        trustStore = trustStore == null ? TrustStore.jdkDefault() : trustStore;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** Defaults for everything but where to connect and how to secure it. */
    public static ImapProbe of(String host, int port, MailTls tls) {
        return new ImapProbe(host, port, tls, null, null, true, null);
    }

    public ImapProbe withTrust(TrustStore store, boolean verify) {
        return new ImapProbe(host, port, tls, serverName, store, verify, timeout);
    }

    public ImapProbe withServerName(String name) {
        return new ImapProbe(host, port, tls, name, trustStore, verifyCertificate, timeout);
    }

    public ImapProbe withTimeout(Duration limit) {
        return new ImapProbe(host, port, tls, serverName, trustStore, verifyCertificate, limit);
    }

    @Override
    public String kind() {
        return "imap";
    }

    @Override
    public String target() {
        return describeTarget("imap");
    }
}
