package io.noroshi.config;

import java.net.IDN;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code audit:} section into {@link AuditSettings}; every problem names its key and line. */
final class AuditSection {

    private static final Pattern LABEL = Pattern.compile("(?!-)[a-z0-9_-]{1,63}(?<!-)");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9_.-]+|[0-9a-fA-F:]+)(:\\d{1,5})?");

    private AuditSection() {
    }

    static AuditSettings read(YamlSection top) {
        return top.section("audit").map(AuditSection::settings).orElse(AuditSettings.none());
    }

    private static AuditSettings settings(YamlSection s) {
        List<String> domains = domains(s);
        Duration interval = Durations.positive(s, "interval").orElse(AuditSettings.DEFAULT_INTERVAL);
        if (interval.compareTo(AuditSettings.MIN_INTERVAL) < 0) {
            s.problem("interval", "must be at least 1m: a live audit queries other people's nameservers");
            interval = AuditSettings.MIN_INTERVAL;
        }
        Duration timeout = Durations.positive(s, "timeout").orElse(AuditSettings.DEFAULT_TIMEOUT);
        Optional<Path> rootHints = file(s, "root_hints");
        Optional<String> resolver = s.string("resolver");
        resolver.filter(r -> !hostPort(r)).ifPresent(r -> s.problem("resolver", "'" + r + "' is not HOST or HOST:PORT (e.g. 127.0.0.1:53)"));
        if (rootHints.isPresent() && resolver.isPresent()) {
            s.problem("resolver", "give root_hints or resolver, not both: with root hints the audit walks the tree itself");
        }
        Optional<Path> asnDb = file(s, "asn_db");
        s.finish();
        return new AuditSettings(domains, interval, timeout, rootHints, resolver, asnDb);
    }

    private static List<String> domains(YamlSection s) {
        var domains = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (String written : s.strings("domains")) {
            String domain = ascii(written);
            if (!domainName(domain)) {
                s.problem("domains", "'" + written + "' is not a domain name (expected something like example.com)");
            } else if (!seen.add(domain)) {
                s.problem("domains", "lists '" + domain + "' twice");
            } else {
                domains.add(domain);
            }
        }
        if (s.has("domains") && domains.isEmpty() && seen.isEmpty()) s.problem("domains", "must name at least one domain");
        return domains;
    }

    /** An internationalised name as its ASCII form, lower case, without a trailing dot; empty when it has none. */
    private static String ascii(String written) {
        try {
            String ascii = IDN.toASCII(written, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            return ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean domainName(String domain) {
        if (domain.length() > 253 || !domain.contains(".")) return false;
        for (String label : domain.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) return false;
        }
        return true;
    }

    private static boolean hostPort(String value) {
        var m = HOST_PORT.matcher(value);
        return m.matches() && (m.group(2) == null || Integer.parseInt(m.group(2).substring(1)) <= 65535);
    }

    private static Optional<Path> file(YamlSection s, String key) {
        Optional<String> written = s.string(key);
        if (written.isEmpty()) return Optional.empty();
        try {
            Path path = Path.of(written.get());
            if (!Files.isReadable(path) || Files.isDirectory(path)) {
                s.problem(key, "cannot read '" + written.get() + "' (no such file, a directory, or not readable)");
            }
            return Optional.of(path);
        } catch (InvalidPathException e) {
            s.problem(key, "'" + written.get() + "' is not a file name: " + e.getReason());
            return Optional.empty();
        }
    }
}
