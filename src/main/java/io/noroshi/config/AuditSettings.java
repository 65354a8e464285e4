package io.noroshi.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code audit:} section: the live DNS audit the hub runs on a schedule. Without domains nothing runs.
 *
 * <pre>
 * audit:
 *   domains: [example.com, example.net]
 *   interval: 6h            # how often each domain is audited; at least 1m
 *   timeout: 3s             # per DNS query
 *   root_hints: named.root  # walk the delegation from these roots (else ask the resolver)
 *   resolver: 127.0.0.1:53  # recursive resolver for lookups (else the system's)
 *   asn_db: pfx2as.txt      # RouteViews pfx2as text or MaxMind .mmdb (else /24 and /48, AS unknown)
 * </pre>
 *
 * @param domains   the domains to audit, lower case, without a trailing dot
 * @param interval  the delay between the end of one run and the start of the next
 * @param timeout   how long one DNS query may take
 * @param rootHints root hints in zone-file format, as written (relative to the working directory)
 * @param resolver  a recursive resolver as {@code HOST[:PORT]}
 * @param asnDb     prefix-to-AS data
 */
public record AuditSettings(List<String> domains, Duration interval, Duration timeout, Optional<Path> rootHints,
                            Optional<String> resolver, Optional<Path> asnDb) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(6);
    /** Auditing someone's nameservers more often than this is impolite and tells nothing new. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    public AuditSettings {
        domains = List.copyOf(domains);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(rootHints, "rootHints");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(asnDb, "asnDb");
    }

    /** No domains: the hub runs no live audit. */
    public static AuditSettings none() {
        return new AuditSettings(List.of(), DEFAULT_INTERVAL, DEFAULT_TIMEOUT, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
