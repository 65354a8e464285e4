package io.noroshi.audit.dns;

import io.noroshi.probe.dns.DirectQuery;
import io.noroshi.probe.dns.DnsReply;
import io.noroshi.probe.dns.ResolverFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Finds zones through a recursive resolver: the resolver names the parent zone and its servers, then the
 * parent's servers are asked directly for the delegation, so the audit still sees the parent's own referral.
 */
public final class RecursiveZoneFinder implements ZoneFinder {

    private final InetSocketAddress resolver;
    private final ResolverFactory resolvers;
    private final DirectQuery direct;

    public RecursiveZoneFinder(InetSocketAddress resolver, ResolverFactory resolvers, DirectQuery direct) {
        this.resolver = resolver;
        this.resolvers = resolvers;
        this.direct = direct;
    }

    @Override
    public Optional<Delegation> delegationOf(Name zone) {
        if (zone.equals(Name.root)) return Optional.empty();
        Name parent = parentZone(new Name(zone, 1));
        for (Name ns : records(parent, Type.NS).stream().map(r -> ((NSRecord) r).getTarget()).toList()) {
            for (InetAddress address : addressesOf(ns)) {
                var server = new InetSocketAddress(address, 53);
                if (direct.ask(server, zone, Type.NS, DirectQuery.Transport.UDP) instanceof DnsReply.Answered answered) {
                    Optional<Delegation> delegation = Referrals.parse(answered.message(), parent, zone);
                    if (delegation.isPresent()) return delegation;
                }
            }
        }
        return Optional.empty();
    }

    /** The apex of the zone holding {@code name}: the owner of the SOA the resolver returns for it. */
    private Name parentZone(Name name) {
        Optional<Message> reply = ask(name, Type.SOA);
        if (reply.isPresent()) {
            for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
                for (Record record : reply.get().getSection(section)) {
                    if (record instanceof SOARecord) return record.getName();
                }
            }
        }
        return name.labels() <= 1 ? Name.root : new Name(name, 1);
    }

    @Override
    public List<InetAddress> addressesOf(Name host) {
        var addresses = new ArrayList<InetAddress>();
        for (Record record : records(host, Type.A)) if (record instanceof ARecord a) addresses.add(a.getAddress());
        for (Record record : records(host, Type.AAAA)) if (record instanceof AAAARecord a) addresses.add(a.getAddress());
        return Referrals.ipv4First(addresses);
    }

    private List<Record> records(Name name, int type) {
        return ask(name, type).map(m -> m.getSection(Section.ANSWER)).orElse(List.of());
    }

    private Optional<Message> ask(Name name, int type) {
        Resolver recursive = resolvers.resolverFor(resolver);
        recursive.setTimeout(direct.timeout());
        try {
            return Optional.of(recursive.send(Message.newQuery(Record.newRecord(name, type, DClass.IN))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
