package io.noroshi.probe.dns;

import io.noroshi.probe.Probe;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks each authoritative server of a zone directly for one record type.
 *
 * @param name     the zone or name to ask about, e.g. {@code example.com}
 * @param type     the record type
 * @param servers  authoritative servers as {@code host}, {@code host:port} or {@code [v6]:port}; port 53 when omitted
 * @param timeout  the limit for each server's answer
 * @param expected an answer every server must give (record data as in a zone file, e.g. {@code 192.0.2.80}), if any
 */
public record DnsProbe(String name, RecordType type, List<String> servers, Duration timeout, Optional<String> expected)
        implements Probe {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public enum RecordType { SOA, A, AAAA, MX, NS }

    public DnsProbe {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        servers = List.copyOf(servers);
        if (servers.isEmpty()) throw new IllegalArgumentException("a dns probe needs at least one server");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        expected = expected == null ? Optional.empty() : expected;
    }

    @Override
    public String kind() {
        return "dns";
    }

    @Override
    public String target() {
        return name + " " + type + " @" + String.join(",", servers);
    }

    /** Parses {@code host[:port]} or {@code [v6]:port}; a host name is resolved by the system resolver. */
    public static InetSocketAddress socketAddress(String server) throws UnknownHostException {
        String host = server;
        int port = 53;
        if (server.startsWith("[")) {
            int close = server.indexOf(']');
            if (close < 0) throw new UnknownHostException("unclosed [ in " + server);
            host = server.substring(1, close);
            if (server.length() > close + 2 && server.charAt(close + 1) == ':') port = port(server.substring(close + 2), server);
        } else if (server.indexOf(':') == server.lastIndexOf(':') && server.contains(":")) {
            host = server.substring(0, server.indexOf(':'));
            port = port(server.substring(server.indexOf(':') + 1), server);
        }
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    private static int port(String text, String server) throws UnknownHostException {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw new UnknownHostException("bad port in " + server);
        }
    }
}
