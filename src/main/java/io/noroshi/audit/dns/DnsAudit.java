package io.noroshi.audit.dns;

import io.noroshi.audit.AuditInputException;
import io.noroshi.audit.AuditReport;
import io.noroshi.audit.Finding;
import io.noroshi.audit.network.NetworkMap;
import io.noroshi.probe.dns.DirectQuery;
import io.noroshi.probe.dns.ResolverFactory;
import java.net.IDN;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The live audit of one domain: its delegation, each nameserver over UDP and TCP, SOA serials, and where its
 * nameservers, MX hosts and web addresses sit in the routing system. Network and time are injected; each run
 * starts with fresh caches, so one instance may be reused (the scheduled audit does).
 */
public final class DnsAudit {

    private static final Pattern LABEL = Pattern.compile("(?!-)[A-Za-z0-9_-]{1,63}(?<!-)");

    private final DnsStart start;
    private final ResolverFactory resolvers;
    private final NetworkMap networks;
    private final InstantSource clock;
    private final Duration timeout;

    public DnsAudit(DnsStart start, ResolverFactory resolvers, NetworkMap networks, InstantSource clock, Duration timeout) {
        this.start = start;
        this.resolvers = resolvers;
        this.networks = networks;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Audits {@code domain}; {@link AuditInputException} when it is not a domain name. */
    public AuditReport audit(String domain) {
        Name zone = zoneName(domain);
        var query = new DirectQuery(resolvers, timeout);
        ZoneFinder finder = switch (start) {
            case DnsStart.FromRoots roots -> new IterativeZoneFinder(roots.roots(), query);
            case DnsStart.ThroughResolver through -> new RecursiveZoneFinder(through.resolver(), resolvers, query);
        };
        ZoneSnapshot snapshot = new ZoneSurvey(finder, query).survey(zone);
        var findings = new ArrayList<Finding>();
        findings.addAll(new DelegationRules().check(snapshot));
        findings.addAll(new ServerRules().check(snapshot));
        findings.addAll(new NetworkRules(networks).check(snapshot));
        return new AuditReport(zone.toString(), clock.instant(), findings, java.util.List.of());
    }

    /**
     * True when where the audit starts answers at all: one of the root servers, or the resolver. When it does
     * not, a report that finds no delegation says more about this machine's network than about the domain.
     */
    public boolean startAnswers() {
        var query = new DirectQuery(resolvers, timeout);
        java.util.List<java.net.InetSocketAddress> first = switch (start) {
            case DnsStart.FromRoots roots -> roots.roots();
            case DnsStart.ThroughResolver through -> java.util.List.of(through.resolver());
        };
        return first.stream().anyMatch(server -> query.ask(server, Name.root, org.xbill.DNS.Type.NS, DirectQuery.Transport.UDP)
                instanceof io.noroshi.probe.dns.DnsReply.Answered);
    }

    /** Parses and checks a domain name as an operator types it (IDN allowed, trailing dot optional). */
    public static Name zoneName(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain.strip(), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new AuditInputException("'" + domain + "' is not a domain name: " + e.getMessage());
        }
        String bare = ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
        if (bare.isEmpty() || bare.length() > 253 || !bare.contains(".")) {
            throw new AuditInputException("'" + domain + "' is not a domain name (expected something like example.com)");
        }
        for (String label : bare.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new AuditInputException("'" + domain + "' is not a domain name: bad label '" + label + "'");
            }
        }
        try {
            return Name.fromString(bare + ".");
        } catch (TextParseException e) {
            throw new AuditInputException("'" + domain + "' is not a domain name: " + e.getMessage());
        }
    }
}
