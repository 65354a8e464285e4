package io.noroshi.probe.mail;

import io.noroshi.probe.Probe;
import io.noroshi.probe.tls.TrustStore;

/**
 * What the SMTP, IMAP and POP3 probes share: where to connect and how to secure it. Each is a
 * record whose components carry these names, so the YAML keys are the same for all three.
 */
public sealed interface MailProbe extends Probe permits SmtpProbe, ImapProbe, Pop3Probe {

    /** Name or address to connect to. */
    String host();

    /** TCP port; the record picks the protocol's usual port for its {@link #tls()} when given 0. */
    int port();

    /** Plain, STARTTLS, or implicit TLS. */
    MailTls tls();

    /** SNI and the name the certificate must match; defaults to {@link #host()}. */
    String serverName();

    /** Which CAs to trust when {@link #verifyCertificate()} is on. */
    TrustStore trustStore();

    /**
     * Whether an untrusted or misnamed certificate makes the probe DOWN. Off, the probe only asks
     * "does TLS come up?" and leaves the certificate to a {@code tls} probe.
     */
    boolean verifyCertificate();

    /** {@code smtp://host:25 (STARTTLS)}, {@code imaps://host:993}: where, and how secured. */
    default String describeTarget(String protocol) {
        String scheme = tls() == MailTls.IMPLICIT ? protocol + "s" : protocol;
        String where = scheme + "://" + host() + ":" + port();
        return tls() == MailTls.STARTTLS ? where + " (STARTTLS)" : where;
    }

    /** The port to use: {@code port} when set, else the protocol's usual one for {@code tls}. */
    static int portOrDefault(int port, MailTls tls, int plainPort, int implicitPort) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        if (port != 0) {
            return port;
        }
        return tls == MailTls.IMPLICIT ? implicitPort : plainPort;
    }
}
