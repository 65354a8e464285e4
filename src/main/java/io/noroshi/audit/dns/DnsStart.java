package io.noroshi.audit.dns;

import io.noroshi.audit.AuditInputException;
import io.noroshi.probe.dns.DnsProbe;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.ResolverConfig;

/** Where a live audit enters the DNS tree. */
public sealed interface DnsStart {

    /** Walk down from these root servers ({@code --root-hints}); works on any tree, a private one included. */
    record FromRoots(List<InetSocketAddress> roots) implements DnsStart {
        public FromRoots {
            roots = List.copyOf(roots);
        }
    }

    /** Ask this recursive resolver for everything but the authoritative checks ({@code --resolver}, or the system's). */
    record ThroughResolver(InetSocketAddress resolver) implements DnsStart {
    }

    /**
     * Root hints when given, else the resolver ({@code HOST[:PORT]}) when given, else the system's first resolver,
     * as the command line and the hub's {@code audit:} section both choose; {@link AuditInputException} when none
     * is usable.
     */
    static DnsStart choose(Optional<Path> rootHints, Optional<String> resolver) {
        if (rootHints.isPresent()) return new FromRoots(RootHints.read(rootHints.get()));
        if (resolver.isPresent()) {
            try {
                return new ThroughResolver(DnsProbe.socketAddress(resolver.get()));
            } catch (UnknownHostException e) {
                throw new AuditInputException("resolver " + resolver.get() + ": " + e.getMessage());
            }
        }
        InetSocketAddress system = ResolverConfig.getCurrentConfig().servers().stream().findFirst()
                .orElseThrow(() -> new AuditInputException("no system resolver found; name a resolver (HOST:PORT) or give root hints"));
        return new ThroughResolver(system);
    }
}
