package io.noroshi.audit.dns;

import io.noroshi.audit.network.Network;
import java.net.Inet4Address;
import java.net.InetAddress;

/** A host address placed in the routing system: who it is, where it is. */
record Placed(String host, InetAddress address, Network network) {

    boolean ipv4() {
        return address instanceof Inet4Address;
    }

    String evidence() {
        return host + " " + address.getHostAddress() + " in " + network.prefix() + " " + network.origin().orElse("AS unknown");
    }
}
