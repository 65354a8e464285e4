package io.noroshi.web;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 */
final class ConnectionShedding extends NetworkConnectionLimit {

    private static final Logger log = LoggerFactory.getLogger(ConnectionShedding.class);
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final AtomicLong episodes = new AtomicLong();
    private volatile boolean shedding;
    private volatile boolean limitedNow;
    private volatile long lastLimited;
    private volatile long episodeStarted;
    private ScheduledExecutorService watch;

    ConnectionShedding(ConnectionLimits limits, Server server) {
        super(limits.maxConnections(), server);
        setEndPointIdleTimeout(limits.idleTimeoutWhenFull().toMillis());
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

    @Override
    protected void limit() {
        super.limit();
        limitedNow = true;
        lastLimited = System.nanoTime();
        if (!shedding) {
            shedding = true;
            episodeStarted = lastLimited;
            episodes.incrementAndGet();
            log.warn("web shedding connections open={} max={} idle_timeout_ms={}: new connections wait until others close",
                    getNetworkConnectionCount(), getMaxNetworkConnectionCount(), getEndPointIdleTimeout());
        }
    }

    @Override
    protected void unlimit() {
        super.unlimit();
        limitedNow = false;
        lastLimited = System.nanoTime();
    }

    private void endEpisodeWhenQuiet() {
        if (shedding && !limitedNow && System.nanoTime() - lastLimited >= QUIET_NANOS) {
            shedding = false;
            log.info("web accepting again open={} max={} shed_for_ms={}", getNetworkConnectionCount(), getMaxNetworkConnectionCount(),
                    (lastLimited - episodeStarted) / 1_000_000);
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
