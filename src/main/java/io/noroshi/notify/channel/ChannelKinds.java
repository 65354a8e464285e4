package io.noroshi.notify.channel;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every channel kind, registered in this one place by the name the config uses. */
public final class ChannelKinds {

    private static final Map<String, ChannelKind> KINDS = kinds();

    private ChannelKinds() {
    }

    private static Map<String, ChannelKind> kinds() {
        var kinds = new TreeMap<String, ChannelKind>();
        kinds.put("slack", SlackChannel::create);
        kinds.put("discord", DiscordChannel::create);
        kinds.put("mastodon", MastodonChannel::create);
        kinds.put("sms", SmsChannel::create);
        kinds.put("teams", TeamsChannel::create);
        kinds.put("mattermost", MattermostChannel::create);
        kinds.put("googlechat", GoogleChatChannel::create);
        kinds.put("telegram", TelegramChannel::create);
        kinds.put("line", LineChannel::create);
        kinds.put("ntfy", NtfyChannel::create);
        kinds.put("bluesky", BlueskyChannel::create);
        kinds.put("matrix", MatrixChannel::create);
        // one line per kind, e.g.: kinds.put("slack", SlackChannel::create);
        kinds.put("email", io.noroshi.notify.email.EmailChannel::create);
        kinds.put("webhook", io.noroshi.notify.webhook.WebhookChannel::create);
        return Collections.unmodifiableMap(kinds);
    }

    public static Optional<ChannelKind> byName(String kind) {
        return Optional.ofNullable(KINDS.get(kind));
    }

    /** The known kinds, sorted, for "unknown channel kind 'x'; known: ..." messages and the JSON Schema. */
    public static Iterable<String> names() {
        return KINDS.keySet();
    }
}
