package io.noroshi.web;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's connection limit, with what an operator needs to see of it: one log line when the hub
 * starts shedding (stops accepting) and one when the crowd has gone, and counters for
 * {@code /metrics}. At the cap Jetty stops and resumes accepting with nearly every connection that
 * closes and opens; an episode ends only once the limit has not been hit for {@link #QUIET_NANOS},
 * so a crowd sitting at the cap is one episode and one pair of log lines, not thousands.
 * <p>
 * Idle connections are closed after the short timeout for the whole episode, not only while the cap
 * is hit: Jetty's own limit set the timeout of every open connection each time it stopped or resumed
 * accepting, thousands of connections for every one that came or went (8% of the hub's CPU with
 * 10,000 readers against a cap of 6,336). Here that happens once when an episode starts and once when
 * it ends; connections opened in between get the short timeout from the connector.
 */
final class ConnectionShedding extends NetworkConnectionLimit {

    private static final Logger log = LoggerFactory.getLogger(ConnectionShedding.class);
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final Server server;
    private final long idleTimeoutMillis;
    private final long idleTimeoutWhenFullMillis;
    private final AtomicLong episodes = new AtomicLong();
    private volatile boolean shedding;
    private volatile boolean limitedNow;
    private volatile long lastLimited;
    private volatile long episodeStarted;
    private ScheduledExecutorService watch;

    ConnectionShedding(ConnectionLimits limits, Server server) {
        super(limits.maxConnections(), server);
        this.server = server;
        this.idleTimeoutMillis = limits.idleTimeout().toMillis();
        this.idleTimeoutWhenFullMillis = limits.idleTimeoutWhenFull().toMillis();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        watch = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("connection-shedding").daemon().factory());
        watch.scheduleWithFixedDelay(this::endEpisodeWhenQuiet, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        watch.shutdownNow();
        super.doStop();
    }

    /** Called by Jetty, holding its lock, when the cap is reached: stop accepting (not Jetty's limit(), see above). */
    @Override
    protected synchronized void limit() {
        setAccepting(false);
        limitedNow = true;
        lastLimited = System.nanoTime();
        if (!shedding) {
            shedding = true;
            episodeStarted = lastLimited;
            episodes.incrementAndGet();
            setIdleTimeouts(idleTimeoutWhenFullMillis);
            log.warn("web shedding connections open={} max={} idle_timeout_ms={}: new connections wait until others close",
                    getNetworkConnectionCount(), getMaxNetworkConnectionCount(), idleTimeoutWhenFullMillis);
        }
    }

    /** Called by Jetty, holding its lock, when a connection closed below the cap: accept again. */
    @Override
    protected void unlimit() {
        setAccepting(true);
        limitedNow = false;
        lastLimited = System.nanoTime();
    }

    private void endEpisodeWhenQuiet() {
        // Jetty's lock is taken before this one in limit(), so the counts are read after leaving it.
        synchronized (this) {
            if (!shedding || limitedNow || System.nanoTime() - lastLimited < QUIET_NANOS) return;
            shedding = false;
            setIdleTimeouts(idleTimeoutMillis);
        }
        log.info("web accepting again open={} max={} shed_for_ms={}", getNetworkConnectionCount(), getMaxNetworkConnectionCount(),
                (lastLimited - episodeStarted) / 1_000_000);
    }

    private void setAccepting(boolean accepting) {
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector network) network.setAccepting(accepting);
        }
    }

    /** For the connections open now and, through the connector, for those it opens next. */
    private void setIdleTimeouts(long millis) {
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector network) {
                network.setIdleTimeout(millis);
                for (EndPoint endPoint : network.getConnectedEndPoints()) endPoint.setIdleTimeout(millis);
            }
        }
    }

    /** How often the hub started shedding since start. */
    long episodes() {
        return episodes.get();
    }

    /** 1 from reaching the cap until it has not been reached for three seconds, else 0. */
    double shedding() {
        return shedding ? 1 : 0;
    }
}
