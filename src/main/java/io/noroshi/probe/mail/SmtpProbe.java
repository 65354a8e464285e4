package io.noroshi.probe.mail;

import io.noroshi.probe.tls.TrustStore;
import java.time.Duration;
import java.util.Objects;

/**
 * Checks an SMTP server: the 220 banner, EHLO, STARTTLS advertised and the TLS handshake when
 * asked (or implicit TLS), then QUIT. No mail is sent.
 *
 * <pre>
 * - kind: smtp
 *   host: mx1.example.com
 *   port: 25                 # default 25, or 465 with tls: implicit
 *   tls: starttls            # none | starttls | implicit; default none
 *   ehlo_name: status.example.com   # the name given in EHLO; default localhost
 *   server_name: mx1.example.com    # SNI and certificate name; default: host
 *   verify_certificate: true        # default true
 *   trust_store: /etc/noroshi/private-ca.p12   # default: the JDK's CAs
 *   trust_store_password: ...
 *   timeout: 10s
 * </pre>
 */
public record SmtpProbe(String host, int port, MailTls tls, String ehloName, String serverName, TrustStore trustStore,
        boolean verifyCertificate, Duration timeout) implements MailProbe {

    public static final int PLAIN_PORT = 25;
    public static final int IMPLICIT_TLS_PORT = 465;
    public static final String DEFAULT_EHLO_NAME = "localhost";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public SmtpProbe {
        Objects.requireNonNull(host, "host");
        tls = tls == null ? MailTls.NONE : tls;
        port = MailProbe.portOrDefault(port, tls, PLAIN_PORT, IMPLICIT_TLS_PORT);
        ehloName = ehloName == null || ehloName.isBlank() ? DEFAULT_EHLO_NAME : ehloName;
        if (ehloName.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("ehlo_name must be one printable ASCII word, was '" + ehloName + "'");
        }
        serverName = serverName == null || serverName.isBlank() ? host : serverName;
        trustStore = trustStore == null ? TrustStore.jdkDefault() : trustStore;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** Defaults for everything but where to connect and how to secure it. */
    public static SmtpProbe of(String host, int port, MailTls tls) {
        return new SmtpProbe(host, port, tls, null, null, null, true, null);
    }

    public SmtpProbe withTrust(TrustStore store, boolean verify) {
        return new SmtpProbe(host, port, tls, ehloName, serverName, store, verify, timeout);
    }

    public SmtpProbe withServerName(String name) {
        return new SmtpProbe(host, port, tls, ehloName, name, trustStore, verifyCertificate, timeout);
    }

    public SmtpProbe withTimeout(Duration limit) {
        return new SmtpProbe(host, port, tls, ehloName, serverName, trustStore, verifyCertificate, limit);
    }

    @Override
    public String kind() {
        return "smtp";
    }

    @Override
    public String target() {
        return describeTarget("smtp");
    }
}
