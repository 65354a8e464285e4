package io.noroshi.audit.network;

import java.net.InetAddress;
import java.net.Inet4Address;
import java.util.Optional;

/** Without an ASN database: IPv4 grouped by /24 and IPv6 by /48, the usual smallest routed prefixes; AS unknown. */
public final class FallbackNetworks implements NetworkMap {

    @Override
    public Network networkOf(InetAddress address) {
        int length = address instanceof Inet4Address ? 24 : 48;
        return new Network(Prefixes.format(Prefixes.mask(address.getAddress(), length), length), Optional.empty());
    }

    @Override
    public boolean knowsOrigins() {
        return false;
    }

    @Override
    public String source() {
        return "no ASN database: prefixes grouped by /24 (IPv4) and /48 (IPv6), AS unknown";
    }
}
