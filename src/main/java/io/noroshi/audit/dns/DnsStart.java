package io.noroshi.audit.dns;

import java.net.InetSocketAddress;
import java.util.List;

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
}
