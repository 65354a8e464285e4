package io.noroshi.audit.network;

import java.net.InetAddress;

/**
 * Tells which routed prefix and origin AS an address belongs to, so the audit can see nameservers that
 * would fall together with one network. Implementations are read-only and safe to share between threads.
 */
public interface NetworkMap {

    /** The prefix and origin of {@code address}; never null. */
    Network networkOf(InetAddress address);

    /** True when origins are known; false means AS findings must say "unknown". */
    boolean knowsOrigins();

    /** Where the data came from, for the report ("pfx2as file x.txt", "fallback /24 and /48"). */
    String source();
}
