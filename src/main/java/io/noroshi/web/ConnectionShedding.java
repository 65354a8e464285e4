package io.noroshi.web;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's connection limit, with what an operator needs to see of it: one log line when the hub
 * starts shedding (stops accepting) and one when it accepts again, and counters for {@code /metrics}.
 */
final class ConnectionShedding extends NetworkConnectionLimit {

    private static final Logger log = LoggerFactory.getLogger(ConnectionShedding.class);

    private final AtomicLong episodes = new AtomicLong();
    private volatile long sheddingSince;

    ConnectionShedding(ConnectionLimits limits, Server server) {
        super(limits.maxConnections(), server);
        setEndPointIdleTimeout(limits.idleTimeoutWhenFull().toMillis());
    }

    @Override
    protected void limit() {
        super.limit();
        episodes.incrementAndGet();
        sheddingSince = System.nanoTime();
        log.warn("web shedding connections open={} max={} idle_timeout_ms={}: new connections wait until others close",
                getNetworkConnectionCount(), getMaxNetworkConnectionCount(), getEndPointIdleTimeout());
    }

    @Override
    protected void unlimit() {
        super.unlimit();
        long since = sheddingSince;
        sheddingSince = 0;
        log.info("web accepting again open={} max={} shed_for_ms={}", getNetworkConnectionCount(), getMaxNetworkConnectionCount(),
                since == 0 ? 0 : (System.nanoTime() - since) / 1_000_000);
    }

    /** How often the limit was reached since start. */
    long episodes() {
        return episodes.get();
    }

    /** 1 while connections are being shed, else 0. */
    double shedding() {
        return sheddingSince == 0 ? 0 : 1;
    }
}
