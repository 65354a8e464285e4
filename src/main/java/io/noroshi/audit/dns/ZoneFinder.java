package io.noroshi.audit.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * How the audit reaches the DNS tree: from root hints (walking delegations itself, so it works on any tree,
 * a private one included) or through a recursive resolver. One instance serves one audit run and may cache.
 */
public interface ZoneFinder {

    /** The parent's delegation of {@code zone}, or empty when the parent does not delegate it. */
    Optional<Delegation> delegationOf(Name zone);

    /** IPv4 then IPv6 addresses of {@code host} (CNAMEs followed); empty when it has none or cannot be resolved. */
    List<InetAddress> addressesOf(Name host);
}
