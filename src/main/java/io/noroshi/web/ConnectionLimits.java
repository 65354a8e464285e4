package io.noroshi.web;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * How much of the machine the hub's HTTP connections may take: the most connections held open at
 * once, how long an idle one is kept, and how much memory Jetty's buffer pool may keep for reuse.
 * Beyond {@link #maxConnections()} the hub stops accepting: new connections wait in the kernel's
 * accept queue (then the kernel refuses them) while idle keep-alive connections are closed after
 * {@link #idleTimeoutWhenFull()} to make room. Memory never grows with the crowd.
 *
 * @param maxConnections      connections held open at most; at least 1
 * @param idleTimeout         an idle connection is closed after this long
 * @param idleTimeoutWhenFull the idle timeout while the connection limit is reached (shorter)
 * @param bufferPoolBytes     bytes of idle buffers Jetty keeps for reuse, heap and direct each
 */
public record ConnectionLimits(int maxConnections, Duration idleTimeout, Duration idleTimeoutWhenFull, long bufferPoolBytes) {

    /**
     * Heap an open, idle connection holds in Jetty 12 with the header cache off (see {@link HubServer}):
     * 2.7 KB measured with 5,000 keep-alive connections (heap after a full collection, before and after),
     * rounded up for the request in flight.
     */
    static final long HEAP_PER_CONNECTION = 3 * 1024;
    /**
     * Connections may use 30% of the heap; the snapshot, the stores and rendering need the rest. At
     * half, 10,000 keep-alive readers filled SerialGC's old generation (two thirds of the heap) and it
     * ran four full collections a second: alive, but at 0.4 of nginx's rate.
     */
    static final double HEAP_SHARE = 0.3;
    /** File descriptors kept for the database, logs, jars, monitor probes and outbound calls. */
    static final long RESERVED_DESCRIPTORS = 512;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    static final Duration IDLE_TIMEOUT_WHEN_FULL = Duration.ofSeconds(2);
    /**
     * Connections the kernel completes and holds for the hub beyond those it has accepted (the listen
     * backlog; Linux caps it at net.core.somaxconn). Java's default of 50 made every further reader of
     * a stampede lose its SYN and retry after 1, 3, 7, 15 s; nginx uses 511.
     */
    static final int ACCEPT_QUEUE = 1024;
    /** A sixteenth of the heap, at most 16 MB: enough for the buffers of the requests in flight. */
    static final long BUFFER_POOL_MAX = 16L * 1024 * 1024;

    public ConnectionLimits {
        if (maxConnections < 1) throw new IllegalArgumentException("max connections must be at least 1, not " + maxConnections);
        if (idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("idle timeout must be positive");
        if (idleTimeoutWhenFull.compareTo(idleTimeout) > 0) idleTimeoutWhenFull = idleTimeout;
    }

    /** The limits for this JVM: from its maximum heap and the process's file-descriptor limit. */
    public static ConnectionLimits forThisProcess() {
        return forMachine(Runtime.getRuntime().maxMemory(), descriptorLimit());
    }

    /** The same limits with another connection cap (the {@code --max-connections} option), when given. */
    public ConnectionLimits withMaxConnections(Integer cap) {
        return cap == null ? this : new ConnectionLimits(cap, idleTimeout, idleTimeoutWhenFull, bufferPoolBytes);
    }

    static ConnectionLimits forMachine(long maxHeapBytes, long descriptors) {
        long byHeap = (long) (maxHeapBytes * HEAP_SHARE) / HEAP_PER_CONNECTION;
        long byDescriptors = Math.max(64, descriptors - RESERVED_DESCRIPTORS);
        int max = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.min(byHeap, byDescriptors)));
        return new ConnectionLimits(max, IDLE_TIMEOUT, IDLE_TIMEOUT_WHEN_FULL, Math.min(BUFFER_POOL_MAX, maxHeapBytes / 16));
    }

    /** The process's open-file limit as the JVM sees it (it raises the soft limit to the hard one on start). */
    static long descriptorLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return 1024;
    }
}
