package io.noroshi.audit.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;

/**
 * A zone cut as the parent publishes it: the NS names it lists and the glue addresses it hands out.
 *
 * @param zone        the delegated zone
 * @param parent      the zone that delegates it
 * @param nameservers NS names in the parent's referral, in the order given
 * @param glue        addresses from the referral's additional section, by NS name
 */
public record Delegation(Name zone, Name parent, List<Name> nameservers, Map<Name, List<InetAddress>> glue) {
    public Delegation {
        nameservers = List.copyOf(nameservers);
        glue = Map.copyOf(glue);
    }

    /** True when the server's name lies inside the zone, so it cannot be found without glue. */
    public boolean needsGlue(Name nameserver) {
        return nameserver.subdomain(zone);
    }
}
