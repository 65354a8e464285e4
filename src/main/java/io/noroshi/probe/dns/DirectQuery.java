package io.noroshi.probe.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;

/**
 * Asks one server one question without recursion, as a resolver walking the tree or an auditor checking an
 * authoritative server does. Never throws for network failures: they come back as {@link DnsReply.Silent}.
 */
public final class DirectQuery {

    /** How the query travels; both must work for an authoritative server (RFC 7766). */
    public enum Transport { UDP, TCP }

    private final ResolverFactory resolvers;
    private final Duration timeout;

    public DirectQuery(ResolverFactory resolvers, Duration timeout) {
        this.resolvers = resolvers;
        this.timeout = timeout;
    }

    public DnsReply ask(InetSocketAddress server, Name name, int type, Transport transport) {
        Resolver resolver = resolvers.resolverFor(server);
        resolver.setTimeout(timeout);
        resolver.setTCP(transport == Transport.TCP);
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        // an authoritative server must answer from its own data, never on behalf of others
        query.getHeader().unsetFlag(Flags.RD);
        try {
            return new DnsReply.Answered(resolver.send(query));
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new DnsReply.Silent(reason.toLowerCase(java.util.Locale.ROOT).contains("timed out") ? "timeout" : reason);
        } catch (RuntimeException e) {
            // dnsjava reports some wire errors as unchecked exceptions; for a check they are just a bad reply
            return new DnsReply.Silent("bad reply: " + e.getMessage());
        }
    }

    public Duration timeout() {
        return timeout;
    }
}
