package io.noroshi.config;

import io.noroshi.notify.NotificationSettings;
import io.noroshi.notify.NotificationSettings.Route;
import io.noroshi.notify.NotificationSettings.RouteEvent;
import io.noroshi.notify.NotificationSettings.Subscribers;
import io.noroshi.notify.channel.Channel;
import io.noroshi.notify.channel.ChannelKinds;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads the {@code notifications:} section: each channel entry is handed to its kind (which reports its own
 * problems at their lines), routes must name known channels, and subscriber settings get their defaults.
 */
final class NotificationsSection {

    private NotificationsSection() {
    }

    static NotificationSettings read(YamlSection top, List<String> componentIds, List<String> siteIds, UnaryOperator<String> environment) {
        return top.section("notifications").map(s -> settings(s, componentIds, siteIds, environment)).orElse(NotificationSettings.none());
    }

    /**
     * The channels that declare a site, as services of kind notify in that site, so the failure-domain audit and the
     * blast radius see which notification paths survive the loss of a site.
     */
    static List<Service> channelServices(NotificationSettings notifications) {
        return notifications.channels().stream().filter(c -> c.site().isPresent())
                .map(c -> new Service("channel:" + c.name(), Text.of(c.kind() + " channel " + c.name()), Service.ServiceKind.NOTIFY,
                        List.of(new Service.Endpoint(c.kind() + ":" + c.name(), "", c.site().get(), List.of())), List.of()))
                .toList();
    }

    private static NotificationSettings settings(YamlSection s, List<String> componentIds, List<String> siteIds, UnaryOperator<String> environment) {
        Optional<URI> baseUrl = s.string("base_url").flatMap(u -> {
            try {
                URI uri = URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
                if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null) return Optional.of(uri);
            } catch (IllegalArgumentException e) {
                // reported below
            }
            s.problem("base_url", "'" + u + "' is not an http(s) URL with a host");
            return Optional.empty();
        });
        var http = new LazyHttp();
        var names = new HashSet<String>();
        List<Channel> channels = s.list("channels", c -> channel(c, names, siteIds, environment, http)).stream()
                .flatMap(Optional::stream).toList();
        var known = channels.stream().map(Channel::name).toList();
        List<Route> routes = s.list("routes", r -> route(r, known, componentIds));
        Subscribers subscribers = s.section("subscribers").map(sub -> subscribers(sub, channels)).orElseGet(() -> new Subscribers(
                firstEmail(channels), Subscribers.DEFAULT.publicWebhooks(), Subscribers.DEFAULT_PER_ADDRESS, Subscribers.DEFAULT_PER_CLIENT,
                Subscribers.DEFAULT_MAX_TRIES));
        s.finish();
        return new NotificationSettings(channels, routes, subscribers, baseUrl);
    }

    private static Optional<Channel> channel(YamlSection c, HashSet<String> names, List<String> siteIds, UnaryOperator<String> environment,
                                             LazyHttp http) {
        String name = c.requiredString("name");
        if (!name.isEmpty() && !names.add(name)) c.problem("name", "another channel is named '" + name + "'");
        String kind = c.requiredString("kind");
        if (kind.isEmpty()) return Optional.empty();
        var factory = ChannelKinds.byName(kind);
        if (factory.isEmpty()) {
            c.problem("kind", "unknown channel kind '" + kind + "'; known: " + String.join(", ", ChannelKinds.names()));
            c.accept(allKeys(c));
            return Optional.empty();
        }
        Channel channel = factory.get().create(new YamlChannelSettings(c, name, environment), http.get());
        c.string("site").filter(site -> !siteIds.contains(site))
                .ifPresent(site -> c.problem("site", "no site has the id '" + site + "'; sites: " + siteIds));
        c.finish();
        return Optional.of(channel);
    }

    private static String[] allKeys(YamlSection c) {
        return c.keys().toArray(String[]::new);
    }

    private static Route route(YamlSection r, List<String> channels, List<String> componentIds) {
        String name = r.string("name").orElse("route-" + r.line());
        List<String> targets = r.strings("channels");
        if (targets.isEmpty()) r.problem("channels", "is required: the channels this route sends to");
        for (String target : targets) {
            if (!channels.contains(target)) r.problem("channels", "no channel is named '" + target + "'; channels: " + channels);
        }
        var events = EnumSet.noneOf(RouteEvent.class);
        for (String event : r.strings("events")) {
            ConfigLoader.constant(r, "events", event, RouteEvent.class).ifPresent(events::add);
        }
        if (events.isEmpty()) r.problem("events", "is required: one or more of " + ConfigLoader.names(RouteEvent.class));
        List<String> components = r.strings("components");
        for (String component : components) {
            if (!componentIds.contains(component)) r.problem("components", "no component has the id '" + component + "'");
        }
        Optional<Duration> reminder = Durations.positive(r, "reminder");
        String lang = r.string("lang").orElse("en");
        if (!PageSettings.SUPPORTED_LANGUAGES.contains(lang)) r.problem("lang", "'" + lang + "' is not one of " + PageSettings.SUPPORTED_LANGUAGES);
        r.finish();
        return new Route(name, targets, events, components, reminder, lang);
    }

    private static Subscribers subscribers(YamlSection s, List<Channel> channels) {
        Optional<String> email = s.string("email_channel");
        email.ifPresent(e -> {
            if (channels.stream().noneMatch(c -> c.name().equals(e) && c.kind().equals("email"))) {
                s.problem("email_channel", "no channel of kind email is named '" + e + "'");
            }
        });
        boolean webhooks = s.string("public_webhooks").map(v -> switch (v) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                s.problem("public_webhooks", "expected true or false");
                yield true;
            }
        }).orElse(true);
        int perAddress = positive(s, "per_address_per_hour", Subscribers.DEFAULT_PER_ADDRESS);
        int perClient = positive(s, "per_client_per_hour", Subscribers.DEFAULT_PER_CLIENT);
        int maxTries = positive(s, "max_tries", Subscribers.DEFAULT_MAX_TRIES);
        s.finish();
        return new Subscribers(email.or(() -> firstEmail(channels)), webhooks, perAddress, perClient, maxTries);
    }

    private static int positive(YamlSection s, String key, int fallback) {
        return s.string(key).map(v -> {
            try {
                int n = Integer.parseInt(v);
                if (n > 0) return n;
            } catch (NumberFormatException e) {
                // reported below
            }
            s.problem(key, "'" + v + "' is not a positive whole number");
            return fallback;
        }).orElse(fallback);
    }

    private static Optional<String> firstEmail(List<Channel> channels) {
        return channels.stream().filter(c -> c.kind().equals("email")).map(Channel::name).findFirst();
    }

    /** One HTTP client for every channel of the file, made only when a channel is configured. */
    private static final class LazyHttp {
        private HttpClient client;

        HttpClient get() {
            if (client == null) {
                client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
            }
            return client;
        }
    }
}
