package io.noroshi.notify;

import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.notify.channel.Channel;
import io.noroshi.notify.email.EmailChannel;
import io.noroshi.notify.webhook.WebhookChannel;
import io.noroshi.storage.Database;
import io.noroshi.subscriber.JdbiSubscriberStore;
import io.noroshi.subscriber.LinkKeys;
import io.noroshi.subscriber.SubscribePages;
import io.noroshi.subscriber.SubscribeThrottle;
import io.noroshi.subscriber.Subscriptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The notification side of the hub, built with {@code new} in one place: the outbox and its worker, the configured
 * channels plus the one that posts to webhook subscribers, the announcer that incident and maintenance changes
 * call, and the public subscribe pages.
 */
public final class Notifications implements AutoCloseable {

    private final Outbox outbox;
    private final OutboxWorker worker;
    private final Announcer announcer;
    private final TeamAlerts alerts;
    private final Subscriptions subscriptions;
    private final SubscribePages pages;
    private final List<Channel> channels;
    private final AtomicInteger port = new AtomicInteger(-1);
    private final NoroshiConfig config;
    private final Clock clock;
    private final io.noroshi.storage.Engine engine;

    private Notifications(NoroshiConfig config, Database database, MeterRegistry metrics, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.engine = database.engine();
        var settings = config.notifications();
        URI base = settings.baseUrl().orElse(config.page().url());
        this.outbox = new JdbiOutbox(database, clock);
        var keys = LinkKeys.of(database);
        var all = new ArrayList<>(settings.channels());
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        all.add(new WebhookChannel(Outbox.SUBSCRIBER_WEBHOOKS, java.util.Optional.empty(), java.util.Optional.empty(), keys::webhookSecret, http,
                clock, new Channel.Limits(32, 5000)));
        this.channels = List.copyOf(all);
        var holder = new Subscriptions[1];
        this.worker = new OutboxWorker(outbox, channels, (d, a) -> holder[0].linkFor(d, a), clock, settings.subscribers().maxTries(),
                Backoff.standard(), metrics);
        this.subscriptions = new Subscriptions(new JdbiSubscriberStore(database), keys, outbox, config, base, clock, worker::wake);
        holder[0] = subscriptions;
        this.announcer = new Announcer(config, outbox, base, clock, worker::wake);
        this.alerts = new TeamAlerts(config, database, outbox, base, clock, worker::wake);
        this.pages = new SubscribePages(subscriptions, new SubscribeThrottle(settings.subscribers().perAddressPerHour(),
                settings.subscribers().perClientPerHour(), clock), config, port::get);
    }

    /** Builds the graph; the worker starts with {@link #start(int)} once the hub listens. */
    public static Notifications build(NoroshiConfig config, Database database, MeterRegistry metrics, Clock clock) {
        return new Notifications(config, database, metrics, clock);
    }

    public Notifications start(int hubPort) {
        port.set(hubPort);
        // On SQLite this hub holds the file lock, so every claim left in the file is a dead hub's: free them now.
        if (engine == io.noroshi.storage.Engine.SQLITE) {
            int freed = outbox.releaseAllClaims();
            if (freed > 0) org.slf4j.LoggerFactory.getLogger(Notifications.class).info("notify outbox claimsFreed={}", freed);
        }
        worker.start();
        return this;
    }

    public Announcements announcements() {
        return announcer;
    }

    /** Monitor verdict changes and audit findings to team routes; {@link TeamAlerts#remind()} once a minute. */
    public TeamAlerts alerts() {
        return alerts;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public Outbox outbox() {
        return outbox;
    }

    public List<Channel> channels() {
        return channels;
    }

    public OutboxWorker worker() {
        return worker;
    }

    /** The admin API and pages of subscribers, the delivery log and channel tests. */
    public io.noroshi.admin.AdminFeature.Factory admin() {
        return (gate, json) -> new NotifyAdmin(subscriptions, outbox, channels, config, port::get, clock, gate, json);
    }

    /** The public subscribe pages (no session, no token: the links' tokens and the rate limit guard them). */
    public void registerPublic(JavalinConfig javalin) {
        pages.register(javalin);
    }

    @Override
    public void close() {
        worker.close();
        for (Channel c : channels) {
            if (c instanceof EmailChannel email) email.close();
        }
    }
}
