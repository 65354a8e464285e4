package io.noroshi.audit.dns;

import io.noroshi.probe.dns.DirectQuery;
import io.noroshi.probe.dns.DnsReply;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Gathers a {@link ZoneSnapshot}: asks the parent, then every nameserver address directly, then the zone's own data. */
final class ZoneSurvey {

    private static final int DNS_PORT = 53;

    private final ZoneFinder finder;
    private final DirectQuery query;

    ZoneSurvey(ZoneFinder finder, DirectQuery query) {
        this.finder = finder;
        this.query = query;
    }

    ZoneSnapshot survey(Name zone) {
        Optional<Delegation> delegation = finder.delegationOf(zone);
        if (delegation.isEmpty()) {
            return new ZoneSnapshot(zone, delegation, List.of(), List.of(), Set.of(), List.of(), false, List.of());
        }
        var nameservers = new ArrayList<ZoneSnapshot.Host>();
        for (Name ns : delegation.get().nameservers()) {
            List<InetAddress> addresses = delegation.get().glue().getOrDefault(ns, List.of());
            if (addresses.isEmpty()) addresses = finder.addressesOf(ns);
            nameservers.add(new ZoneSnapshot.Host(ns, addresses));
        }
        List<ZoneSnapshot.ServerCheck> servers = checkServers(zone, nameservers);
        Optional<InetSocketAddress> authority = servers.stream().filter(s -> s.udp().isAuthoritative() || s.tcp().isAuthoritative())
                .map(s -> new InetSocketAddress(s.address(), DNS_PORT)).findFirst();
        Set<Name> childNs = new LinkedHashSet<>();
        var mail = new ArrayList<ZoneSnapshot.MailHost>();
        boolean nullMx = false;
        if (authority.isPresent()) {
            for (Record record : answers(authority.get(), zone, Type.NS)) {
                if (record instanceof NSRecord ns && ns.getName().equals(zone)) childNs.add(ns.getTarget());
            }
            for (Record record : answers(authority.get(), zone, Type.MX)) {
                if (!(record instanceof MXRecord mx) || !mx.getName().equals(zone)) continue;
                if (mx.getTarget().equals(Name.root)) {
                    nullMx = true;
                    continue;
                }
                mail.add(new ZoneSnapshot.MailHost(mx.getPriority(), new ZoneSnapshot.Host(mx.getTarget(), finder.addressesOf(mx.getTarget()))));
            }
        }
        mail.sort(java.util.Comparator.comparingInt(ZoneSnapshot.MailHost::preference));
        var web = new ArrayList<ZoneSnapshot.Host>();
        for (Name host : List.of(zone, www(zone))) {
            List<InetAddress> addresses = finder.addressesOf(host);
            if (!addresses.isEmpty()) web.add(new ZoneSnapshot.Host(host, addresses));
        }
        return new ZoneSnapshot(zone, delegation, nameservers, servers, childNs, mail, nullMx, web);
    }

    /** Every address at once: a silent server costs one timeout, not one per address. */
    private List<ZoneSnapshot.ServerCheck> checkServers(Name zone, List<ZoneSnapshot.Host> nameservers) {
        var checks = new ArrayList<Future<ZoneSnapshot.ServerCheck>>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ZoneSnapshot.Host ns : nameservers) {
                for (InetAddress address : ns.addresses()) {
                    var server = new InetSocketAddress(address, DNS_PORT);
                    checks.add(executor.submit(() -> new ZoneSnapshot.ServerCheck(ns.name(), address,
                            query.ask(server, zone, Type.SOA, DirectQuery.Transport.UDP),
                            query.ask(server, zone, Type.SOA, DirectQuery.Transport.TCP))));
                }
            }
        }
        var servers = new ArrayList<ZoneSnapshot.ServerCheck>();
        for (Future<ZoneSnapshot.ServerCheck> check : checks) servers.add(check.resultNow());
        return servers;
    }

    private List<Record> answers(InetSocketAddress server, Name name, int type) {
        DnsReply reply = query.ask(server, name, type, DirectQuery.Transport.UDP);
        if (reply.isAuthoritative() && reply instanceof DnsReply.Answered answered) return answered.answers();
        reply = query.ask(server, name, type, DirectQuery.Transport.TCP);
        return reply instanceof DnsReply.Answered answered && answered.authoritative() ? answered.answers() : List.of();
    }

    private static Name www(Name zone) {
        try {
            return Name.concatenate(Name.fromConstantString("www"), zone);
        } catch (org.xbill.DNS.NameTooLongException e) {
            return zone;
        }
    }
}
