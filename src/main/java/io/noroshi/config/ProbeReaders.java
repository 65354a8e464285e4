package io.noroshi.config;

import io.noroshi.probe.Probe;
import io.noroshi.probe.dns.DnsProbe;
import io.noroshi.probe.heartbeat.HeartbeatProbe;
import io.noroshi.probe.http.HttpMethod;
import io.noroshi.probe.http.HttpProbe;
import io.noroshi.probe.http.StatusRange;
import io.noroshi.probe.mail.ImapProbe;
import io.noroshi.probe.mail.MailTls;
import io.noroshi.probe.mail.Pop3Probe;
import io.noroshi.probe.mail.SmtpProbe;
import io.noroshi.probe.tcp.TcpProbe;
import io.noroshi.probe.tls.TlsProbe;
import io.noroshi.probe.tls.TrustStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the probe keys of one {@code monitors[]} item, by {@code kind}. The keys are those of
 * the README (Probes). A new kind is one entry in {@link #BY_KIND}.
 */
final class ProbeReaders {

    /** Reads a probe from a monitor's section; returns null after reporting a problem. */
    @FunctionalInterface
    interface ProbeReader {
        Probe read(YamlSection s, String monitorId);
    }

    static final Map<String, ProbeReader> BY_KIND = Map.of(
            "http", ProbeReaders::http,
            "tcp", (s, id) -> new TcpProbe(host(s), port(s, 0), timeout(s)),
            "tls", ProbeReaders::tls,
            "smtp", (s, id) -> new SmtpProbe(host(s), port(s, 0), mailTls(s), s.string("ehlo_name").orElse(null),
                    s.string("server_name").orElse(null), trust(s), bool(s, "verify_certificate", true), timeout(s)),
            "imap", (s, id) -> new ImapProbe(host(s), port(s, 0), mailTls(s), s.string("server_name").orElse(null), trust(s),
                    bool(s, "verify_certificate", true), timeout(s)),
            "pop3", (s, id) -> new Pop3Probe(host(s), port(s, 0), mailTls(s), s.string("server_name").orElse(null), trust(s),
                    bool(s, "verify_certificate", true), timeout(s)),
            "dns", ProbeReaders::dns,
            "heartbeat", (s, id) -> new HeartbeatProbe(id, Durations.positive(s, "period").orElseGet(() -> {
                if (!s.has("period")) s.problem("period", "is required for a heartbeat (how often a push is expected)");
                return Duration.ofDays(1);
            }), Durations.read(s, "grace").orElse(null), heartbeatSecret(s)));

    private ProbeReaders() {
    }

    private static Optional<String> heartbeatSecret(YamlSection s) {
        Optional<String> hash = s.string("secret_sha256");
        if (hash.isEmpty()) {
            s.problem("secret_sha256", "is required for a heartbeat: the hex SHA-256 of its push secret "
                    + "(SECRET=$(openssl rand -hex 24); printf %s \"$SECRET\" | sha256sum)");
        } else if (!hash.get().matches("[0-9a-f]{64}")) {
            s.problem("secret_sha256", "must be 64 lower-case hex digits (a SHA-256), not the secret itself");
            return Optional.empty();
        }
        return hash;
    }

    /** Reads the probe of {@code kind}; null (with the problem reported) when it cannot be built. */
    static Probe read(String kind, YamlSection s, String monitorId) {
        ProbeReader reader = BY_KIND.get(kind);
        if (reader == null) {
            s.problem("kind", "'" + kind + "' is not a monitor kind; one of " + String.join(", ", BY_KIND.keySet().stream().sorted().toList()));
            return null;
        }
        try {
            return reader.read(s, monitorId);
        } catch (IllegalArgumentException | NullPointerException e) {
            // The probe records validate themselves; their messages name the YAML key.
            s.problem("", e.getMessage());
            return null;
        }
    }

    private static HttpProbe http(YamlSection s, String id) {
        String url = s.requiredString("url");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            s.problem("url", "'" + url + "' is not a valid URL");
            return null;
        }
        HttpMethod method = s.string("method").flatMap(m -> ConfigLoader.constant(s, "method", m, HttpMethod.class)).orElse(null);
        var expected = new ArrayList<StatusRange>();
        for (String range : s.strings("expected_status")) {
            try {
                expected.add(StatusRange.parse(range));
            } catch (IllegalArgumentException e) {
                s.problem("expected_status", e.getMessage());
            }
        }
        if (url.isEmpty()) return null;
        return new HttpProbe(uri, method, s.string("body").orElse(null), expected, s.string("body_contains").orElse(null),
                s.string("body_excludes").orElse(null), Durations.positive(s, "degraded_after").orElse(null),
                bool(s, "follow_redirects", true), integer(s, "certificate_warn_days", HttpProbe.DEFAULT_CERTIFICATE_WARN_DAYS),
                timeout(s));
    }

    private static DnsProbe dns(YamlSection s, String id) {
        String name = s.requiredString("name");
        DnsProbe.RecordType type = s.string("type").flatMap(t -> ConfigLoader.constant(s, "type", t, DnsProbe.RecordType.class))
                .orElse(DnsProbe.RecordType.SOA);
        List<String> servers = s.strings("servers");
        if (servers.isEmpty()) {
            s.problem("servers", "is required: the authoritative servers to ask, as host or host:port");
            return null;
        }
        return new DnsProbe(name, type, servers, timeout(s), s.string("expected"));
    }

    private static TlsProbe tls(YamlSection s, String id) {
        return new TlsProbe(host(s), port(s, -1), s.string("server_name").orElse(null),
                integer(s, "warn_days", TlsProbe.DEFAULT_WARN_DAYS), trust(s), timeout(s));
    }

    private static String host(YamlSection s) {
        String host = s.requiredString("host");
        AddressLiterals.problemWithHost(host).ifPresent(p -> s.problem("host", p));
        return host;
    }

    private static int port(YamlSection s, int whenAbsent) {
        if (!s.has("port")) {
            if (whenAbsent < 0) s.problem("port", "is required");
            return whenAbsent < 0 ? 1 : whenAbsent;
        }
        return integer(s, "port", 0);
    }

    private static Duration timeout(YamlSection s) {
        return Durations.positive(s, "timeout").orElse(null);
    }

    private static MailTls mailTls(YamlSection s) {
        return s.string("tls").flatMap(t -> ConfigLoader.constant(s, "tls", t, MailTls.class)).orElse(MailTls.NONE);
    }

    private static TrustStore trust(YamlSection s) {
        Optional<String> path = s.string("trust_store");
        Optional<String> password = s.string("trust_store_password");
        if (path.isEmpty() && password.isPresent()) s.problem("trust_store_password", "given without trust_store");
        return path.map(p -> TrustStore.file(Path.of(p), password.orElse(null))).orElse(null);
    }

    static int integer(YamlSection s, String key, int whenAbsent) {
        Optional<String> text = s.string(key);
        if (text.isEmpty()) return whenAbsent;
        try {
            return Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            s.problem(key, "'" + text.get() + "' is not a whole number");
            return whenAbsent;
        }
    }

    static boolean bool(YamlSection s, String key, boolean whenAbsent) {
        Optional<String> text = s.string(key);
        if (text.isEmpty()) return whenAbsent;
        return switch (text.get()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                s.problem(key, "'" + text.get() + "' is not true or false");
                yield whenAbsent;
            }
        };
    }
}
