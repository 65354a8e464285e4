package io.noroshi.subscriber;

import io.noroshi.config.NoroshiConfig;
import io.noroshi.notify.Announcement;
import io.noroshi.notify.Notice;
import io.noroshi.notify.Outbox;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Subscribing, confirming, changing and leaving, whoever asks (the public pages, the admin API, the command line).
 * A subscription from the public is pending until its confirmation link is followed; until then nothing but the
 * confirmation request is sent to it.
 */
public final class Subscriptions {

    private final SubscriberStore store;
    private final LinkKeys keys;
    private final Outbox outbox;
    private final NoroshiConfig config;
    private final URI base;
    private final InstantSource clock;
    private final Runnable wake;

    public Subscriptions(SubscriberStore store, LinkKeys keys, Outbox outbox, NoroshiConfig config, URI base, InstantSource clock, Runnable wake) {
        this.store = store;
        this.keys = keys;
        this.outbox = outbox;
        this.config = config;
        this.base = base;
        this.clock = clock;
        this.wake = wake;
    }

    public SubscriberStore store() {
        return store;
    }

    public LinkKeys keys() {
        return keys;
    }

    public URI base() {
        return base;
    }

    /** A request from the public: stored as pending and sent a confirmation request (unless already confirmed). */
    public Subscriber request(Subscriber.Kind kind, String address, String lang, List<String> components) {
        Instant now = clock.instant();
        Subscriber s = store.add(kind, address, lang, components, Subscriber.State.PENDING, now);
        if (s.state() == Subscriber.State.PENDING) {
            String channel = kind == Subscriber.Kind.EMAIL ? config.notifications().subscribers().emailChannel().orElse("") : Outbox.SUBSCRIBER_WEBHOOKS;
            if (!channel.isEmpty()) {
                outbox.enqueue(confirmation(s, now), Outbox.Audience.only(channel, s.id()));
                wake.run();
            }
        }
        return s;
    }

    /** An operator's addition: confirmed at once (the operator vouches for it). */
    public Subscriber add(Subscriber.Kind kind, String address, String lang, List<String> components) {
        Subscriber s = store.add(kind, address, lang, components, Subscriber.State.CONFIRMED, clock.instant());
        if (s.state() == Subscriber.State.PENDING) store.confirm(s.id(), clock.instant());
        return store.find(s.id()).orElse(s);
    }

    /** Follows a confirmation link; the subscriber when it worked. */
    public Optional<Subscriber> confirm(String token) {
        Instant now = clock.instant();
        return keys.readConfirm(token)
                .filter(t -> t.expires().map(now::isBefore).orElse(false))
                .flatMap(t -> store.find(t.subscriberId()).filter(s -> s.generation() == t.generation()))
                .map(s -> {
                    store.confirm(s.id(), now);
                    return store.find(s.id()).orElse(s);
                });
    }

    /** The subscriber a manage link stands for, while that link is valid. */
    public Optional<Subscriber> byManageToken(String token) {
        return keys.readManage(token).flatMap(t -> store.find(t.subscriberId()).filter(s -> s.generation() == t.generation()));
    }

    public URI manageLink(Subscriber s) {
        return manageLink(s.id(), s.generation());
    }

    URI manageLink(String id, int generation) {
        return base.resolve("/subscribe/manage?t=" + URLEncoder.encode(keys.manageToken(id, generation), StandardCharsets.UTF_8));
    }

    /** The link a delivery carries: the confirmation link in the confirmation request, else the manage page. */
    public Optional<URI> linkFor(Outbox.Claimed d, Announcement a) {
        if (d.subscriberId().isEmpty() || d.generation().isEmpty()) return Optional.empty();
        int generation = d.generation().get();
        if (a.event() == Notice.Event.SUBSCRIPTION_CONFIRM) {
            return Optional.of(base.resolve("/subscribe/confirm?t="
                    + URLEncoder.encode(keys.confirmToken(d.subscriberId(), generation, a.at()), StandardCharsets.UTF_8)));
        }
        return Optional.of(manageLink(d.subscriberId(), generation));
    }

    private Announcement confirmation(Subscriber s, Instant now) {
        var words = new LinkedHashMap<String, Announcement.Words>();
        String page = config.page().name();
        words.put("en", new Announcement.Words("Confirm your subscription", "",
                "Someone, probably you, asked to be told about updates of " + page + " at this address. Follow the link below within"
                        + " 24 hours to start. If it was not you, ignore this message: nothing more will come."));
        words.put("ja", new Announcement.Words("購読の確認", "",
                page + " の更新をこのアドレスで受け取る申し込みがありました。24時間以内に下のリンクを開くと配信が始まります。"
                        + "お心当たりがなければ、このメールは無視してください。今後お送りすることはありません。"));
        return new Announcement(Notice.Event.SUBSCRIPTION_CONFIRM, "subscriber/" + s.id(), page, "none", base.resolve("/"), List.of(), words,
                Optional.empty(), now);
    }
}
