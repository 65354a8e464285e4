package io.noroshi.probe.dns;

import java.net.InetSocketAddress;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;

/**
 * Makes the dnsjava {@link Resolver} that talks to one server. Injected so that tests and the audit point
 * every query at servers they choose; production uses {@link #direct()}.
 */
@FunctionalInterface
public interface ResolverFactory {

    /** A resolver that sends every query to {@code server} and nowhere else. */
    Resolver resolverFor(InetSocketAddress server);

    /** Plain UDP/TCP to the named server, as dnsjava's {@link SimpleResolver} does. */
    static ResolverFactory direct() {
        return SimpleResolver::new;
    }
}
