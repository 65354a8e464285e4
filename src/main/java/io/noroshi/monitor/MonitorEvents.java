package io.noroshi.monitor;

import java.util.function.Consumer;

/**
 * The hub's in-process bus for verdict changes. The monitor engine publishes; component status,
 * uptime and (later) first-notice drafting subscribe. Delivery is synchronous, in publish order,
 * on the publisher's thread; a subscriber that throws does not stop the others.
 */
public interface MonitorEvents {

    /** Adds a subscriber; it sees every change published afterwards. */
    void subscribe(Consumer<VerdictChange> subscriber);

    /** Hands {@code change} to every subscriber, in subscription order. */
    void publish(VerdictChange change);
}
