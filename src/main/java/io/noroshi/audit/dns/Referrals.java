package io.noroshi.audit.dns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Reads delegations out of DNS messages. */
final class Referrals {

    private Referrals() {
    }

    /**
     * The delegation a reply carries below {@code cut}, towards {@code qname}: NS records in the authority section
     * (a referral) or, when the server also serves the child, in the answer section.
     */
    static Optional<Delegation> parse(Message reply, Name cut, Name qname) {
        for (int section : new int[] {Section.AUTHORITY, Section.ANSWER}) {
            List<Name> names = new ArrayList<>();
            Name owner = null;
            for (Record record : reply.getSection(section)) {
                if (record instanceof NSRecord ns && qname.subdomain(ns.getName()) && !ns.getName().equals(cut)
                        && ns.getName().subdomain(cut) && (owner == null || owner.equals(ns.getName()))) {
                    owner = ns.getName();
                    if (!names.contains(ns.getTarget())) names.add(ns.getTarget());
                }
            }
            if (owner != null) return Optional.of(new Delegation(owner, cut, names, glue(reply, names)));
        }
        return Optional.empty();
    }

    static Map<Name, List<InetAddress>> glue(Message reply, List<Name> names) {
        var glue = new LinkedHashMap<Name, List<InetAddress>>();
        for (Record record : reply.getSection(Section.ADDITIONAL)) {
            InetAddress address = switch (record) {
                case ARecord a -> a.getAddress();
                case AAAARecord a -> a.getAddress();
                default -> null;
            };
            if (address != null && names.contains(record.getName())) {
                glue.computeIfAbsent(record.getName(), k -> new ArrayList<>()).add(address);
            }
        }
        glue.replaceAll((k, v) -> ipv4First(v));
        return glue;
    }

    /** IPv4 before IPv6: a host without IPv6 connectivity then gets its answer before timing out on v6. */
    static List<InetAddress> ipv4First(List<InetAddress> addresses) {
        return addresses.stream().distinct().sorted(Comparator.comparingInt(a -> a instanceof Inet4Address ? 0 : 1)).toList();
    }
}
