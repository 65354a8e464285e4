package io.noroshi.probe.tls;

import io.noroshi.probe.Probe;
import java.time.Duration;
import java.util.Objects;

/**
 * Checks a TLS service's certificate: the handshake succeeds, the certificate is trusted and
 * issued for {@code serverName}, and it does not expire within {@code warnDays}.
 *
 * <pre>
 * - kind: tls
 *   host: mail.example.com
 *   port: 993
 *   server_name: imap.example.com   # SNI and name checked; default: host
 *   warn_days: 21                   # DEGRADED under this many days left; default 14
 *   trust_store: /etc/noroshi/private-ca.p12   # default: the JDK's CAs
 *   trust_store_password: ...
 *   timeout: 10s
 * </pre>
 *
 * @param host       where to connect
 * @param port       TCP port
 * @param serverName SNI and the name the certificate must match; defaults to {@code host}
 * @param warnDays   DEGRADED when fewer days remain; 0 disables the warning
 * @param trustStore which CAs to trust; defaults to the JDK's
 * @param timeout    for connect and handshake together
 */
public record TlsProbe(String host, int port, String serverName, int warnDays, TrustStore trustStore, Duration timeout)
        implements Probe {

    public static final int DEFAULT_WARN_DAYS = 14;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public TlsProbe {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        if (warnDays < 0) {
            throw new IllegalArgumentException("warn_days must not be negative, was " + warnDays);
        }
        serverName = serverName == null || serverName.isBlank() ? host : serverName;
        trustStore = trustStore == null ? TrustStore.jdkDefault() : trustStore;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** Defaults for everything but where to connect. */
    public static TlsProbe of(String host, int port) {
        return new TlsProbe(host, port, null, DEFAULT_WARN_DAYS, null, null);
    }

    public TlsProbe withServerName(String name) {
        return new TlsProbe(host, port, name, warnDays, trustStore, timeout);
    }

    public TlsProbe withWarnDays(int days) {
        return new TlsProbe(host, port, serverName, days, trustStore, timeout);
    }

    public TlsProbe withPort(int number) {
        return new TlsProbe(host, number, serverName, warnDays, trustStore, timeout);
    }

    public TlsProbe withTrustStore(TrustStore store) {
        return new TlsProbe(host, port, serverName, warnDays, store, timeout);
    }

    @Override
    public String kind() {
        return "tls";
    }

    @Override
    public String target() {
        String where = host + ":" + port;
        return serverName.equals(host) ? where : where + " (" + serverName + ")";
    }
}
