package io.noroshi.notify;

import io.noroshi.notify.channel.Channel;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code notifications:} section of {@code noroshi.yaml}: the channels (built and checked when the file is
 * read), the routes that send events to them, and how the public subscribes.
 *
 * @param baseUrl the public address of the hub, for links in messages (the subscribe, confirm and manage pages);
 *                empty means the page's {@code url}
 */
public record NotificationSettings(List<Channel> channels, List<Route> routes, Subscribers subscribers, Optional<URI> baseUrl) {

    public NotificationSettings {
        channels = List.copyOf(channels);
        routes = List.copyOf(routes);
    }

    public static NotificationSettings none() {
        return new NotificationSettings(List.of(), List.of(), Subscribers.DEFAULT, Optional.empty());
    }

    public Optional<Channel> channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * How the public subscribes.
     *
     * @param emailChannel      the email channel subscribers' mail goes through (default: the first of kind email)
     * @param publicWebhooks    whether the public form offers webhook subscriptions (operators can always add them)
     * @param perAddressPerHour subscribe requests per e-mail address or URL per hour
     * @param perClientPerHour  subscribe requests per client address per hour
     * @param maxTries          tries of one delivery before it is dead
     */
    public record Subscribers(Optional<String> emailChannel, boolean publicWebhooks, int perAddressPerHour, int perClientPerHour,
                              int maxTries) {
        public static final int DEFAULT_PER_ADDRESS = 3;
        public static final int DEFAULT_PER_CLIENT = 20;
        public static final int DEFAULT_MAX_TRIES = 8;
        public static final Subscribers DEFAULT = new Subscribers(Optional.empty(), true, DEFAULT_PER_ADDRESS, DEFAULT_PER_CLIENT,
                DEFAULT_MAX_TRIES);
    }

    /**
     * Sends some events to some channels (team alerts, and public channels that post incidents).
     *
     * @param components only events about these components (empty: all)
     * @param reminder   while a monitor stays down, alert again this often (empty: once)
     * @param lang       the language the route's messages are written in
     */
    public record Route(String name, List<String> channels, Set<RouteEvent> events, List<String> components, Optional<Duration> reminder,
                        String lang) {
        public Route {
            channels = List.copyOf(channels);
            events = Set.copyOf(events);
            components = List.copyOf(components);
        }
    }

    /** What a route listens to. */
    public enum RouteEvent {
        /** incident opened, updated (with notify), resolved */
        INCIDENT,
        /** maintenance scheduled, started, completed */
        MAINTENANCE,
        /** a component's status changed */
        COMPONENT,
        /** a monitor's verdict changed: down, degraded, up again, no data */
        MONITOR,
        /** a new finding of the scheduled audit */
        FINDING,
        /** communication's reminders and escalations: a promised update or an estimate falling due (to the role holder) */
        REMINDER,
        /** a mirror of the public site falling behind the hub, and catching up again */
        MIRROR
    }
}
