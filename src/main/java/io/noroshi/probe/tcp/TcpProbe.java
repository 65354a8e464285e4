package io.noroshi.probe.tcp;

import io.noroshi.probe.Probe;
import java.time.Duration;
import java.util.Objects;

/**
 * Checks that something accepts TCP connections on a port (a database, a game server, an SSH
 * daemon) without speaking its protocol.
 *
 * <pre>
 * - kind: tcp
 *   host: db1.example.com
 *   port: 5432
 *   timeout: 5s
 * </pre>
 *
 * @param host    name or address to connect to
 * @param port    TCP port, 1-65535
 * @param timeout connect time-out; defaults to {@link #DEFAULT_TIMEOUT}
 */
public record TcpProbe(String host, int port, Duration timeout) implements Probe {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public TcpProbe {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    @Override
    public String kind() {
        return "tcp";
    }

    @Override
    public String target() {
        return host + ":" + port;
    }
}
