package io.noroshi.audit.dns;

import io.noroshi.probe.dns.DirectQuery;
import io.noroshi.probe.dns.DnsReply;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Walks the tree from root servers the way a resolver does, without recursion anywhere: so an audit sees
 * exactly what each parent hands out, and runs against any tree, a private test one included.
 */
public final class IterativeZoneFinder implements ZoneFinder {

    private static final int MAX_REFERRALS = 16;
    private static final int MAX_CNAMES = 8;

    private final List<InetSocketAddress> roots;
    private final DirectQuery query;
    private final Map<Name, List<InetAddress>> addressCache = new HashMap<>();
    // names being resolved right now: an NS without glue inside its own zone would otherwise loop forever
    private final Set<Name> resolving = new HashSet<>();

    public IterativeZoneFinder(List<InetSocketAddress> roots, DirectQuery query) {
        if (roots.isEmpty()) throw new IllegalArgumentException("no root servers");
        this.roots = List.copyOf(roots);
        this.query = query;
    }

    /** Where a walk ended. */
    private sealed interface Walk {
        record Answer(List<Record> records) implements Walk { }
        record Referred(Delegation delegation) implements Walk { }
        record Nothing() implements Walk { }
    }

    @Override
    public Optional<Delegation> delegationOf(Name zone) {
        return switch (walk(zone, Type.NS, zone)) {
            case Walk.Referred referred -> Optional.of(referred.delegation());
            default -> Optional.empty();
        };
    }

    @Override
    public List<InetAddress> addressesOf(Name host) {
        List<InetAddress> cached = addressCache.get(host);
        if (cached != null) return cached;
        if (!resolving.add(host)) return List.of();
        try {
            var addresses = new ArrayList<InetAddress>();
            for (int type : new int[] {Type.A, Type.AAAA}) addresses.addAll(lookup(host, type, 0));
            List<InetAddress> result = Referrals.ipv4First(addresses);
            addressCache.put(host, result);
            return result;
        } finally {
            resolving.remove(host);
        }
    }

    private List<InetAddress> lookup(Name name, int type, int cnames) {
        if (!(walk(name, type, null) instanceof Walk.Answer answer)) return List.of();
        var addresses = new ArrayList<InetAddress>();
        for (Record record : answer.records()) {
            switch (record) {
                case ARecord a when type == Type.A -> addresses.add(a.getAddress());
                case AAAARecord a when type == Type.AAAA -> addresses.add(a.getAddress());
                case CNAMERecord c when cnames < MAX_CNAMES && addresses.isEmpty() && answer.records().stream()
                        .noneMatch(r -> r.getType() == type) -> addresses.addAll(lookup(c.getTarget(), type, cnames + 1));
                default -> { }
            }
        }
        return addresses;
    }

    /** Follows referrals from the roots; stops at the referral for {@code stopAt} when given. */
    private Walk walk(Name qname, int type, Name stopAt) {
        List<InetSocketAddress> servers = roots;
        Name cut = Name.root;
        for (int step = 0; step < MAX_REFERRALS; step++) {
            Optional<Message> reply = askAny(servers, qname, type);
            if (reply.isEmpty()) return new Walk.Nothing();
            Message message = reply.get();
            if (message.getRcode() == Rcode.NXDOMAIN) return new Walk.Nothing();
            List<Record> answers = message.getSection(Section.ANSWER);
            Optional<Delegation> referral = Referrals.parse(message, cut, qname);
            if (stopAt != null && referral.isPresent() && referral.get().zone().equals(stopAt)) {
                return new Walk.Referred(referral.get());
            }
            if (!answers.isEmpty()) return new Walk.Answer(answers);
            if (referral.isEmpty()) return new Walk.Nothing();
            Delegation next = referral.get();
            servers = serversOf(next);
            cut = next.zone();
        }
        return new Walk.Nothing();
    }

    private List<InetSocketAddress> serversOf(Delegation delegation) {
        var servers = new ArrayList<InetSocketAddress>();
        for (Name ns : delegation.nameservers()) {
            List<InetAddress> addresses = delegation.glue().getOrDefault(ns, List.of());
            if (addresses.isEmpty() && !delegation.needsGlue(ns)) addresses = addressesOf(ns);
            for (InetAddress address : addresses) servers.add(new InetSocketAddress(address, port()));
        }
        return servers;
    }

    /** The port the roots listen on; every server of a private tree uses the same one. */
    private int port() {
        return roots.getFirst().getPort();
    }

    private Optional<Message> askAny(List<InetSocketAddress> servers, Name qname, int type) {
        for (InetSocketAddress server : servers) {
            if (query.ask(server, qname, type, DirectQuery.Transport.UDP) instanceof DnsReply.Answered answered
                    && answered.message().getRcode() != Rcode.REFUSED && answered.message().getRcode() != Rcode.SERVFAIL) {
                return Optional.of(answered.message());
            }
        }
        return Optional.empty();
    }
}
