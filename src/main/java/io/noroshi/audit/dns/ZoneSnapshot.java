package io.noroshi.audit.dns;

import io.noroshi.probe.dns.DnsReply;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.Name;

/**
 * Everything a live audit learned about one zone, gathered once so the rules judge plain data.
 *
 * @param zone        the audited zone
 * @param delegation  the parent's delegation, empty when the parent does not delegate the zone
 * @param nameservers the delegated NS names with the addresses found for them
 * @param servers     one check per nameserver address
 * @param childNs     the NS set the zone itself publishes (empty when no server answered authoritatively)
 * @param mail        MX hosts by preference; empty when the zone has none
 * @param nullMx      the zone publishes a null MX (RFC 7505): it accepts no mail on purpose
 * @param web         the apex and {@code www} with their addresses
 */
public record ZoneSnapshot(Name zone, Optional<Delegation> delegation, List<Host> nameservers, List<ServerCheck> servers,
                           Set<Name> childNs, List<MailHost> mail, boolean nullMx, List<Host> web) {

    public ZoneSnapshot {
        nameservers = List.copyOf(nameservers);
        servers = List.copyOf(servers);
        childNs = Set.copyOf(childNs);
        mail = List.copyOf(mail);
        web = List.copyOf(web);
    }

    /** A named host and the addresses found for it. */
    public record Host(Name name, List<InetAddress> addresses) {
        public Host {
            addresses = List.copyOf(addresses);
        }
    }

    /** An MX target with its preference. */
    public record MailHost(int preference, Host host) {
    }

    /** What one nameserver address said to the zone's SOA over UDP and over TCP. */
    public record ServerCheck(Name nameserver, InetAddress address, DnsReply udp, DnsReply tcp) {

        public String label() {
            return nameserver + " " + address.getHostAddress();
        }

        public Optional<Long> serial() {
            for (DnsReply reply : List.of(udp, tcp)) {
                if (reply instanceof DnsReply.Answered a && a.authoritative() && a.serial().isPresent()) return a.serial();
            }
            return Optional.empty();
        }
    }
}
