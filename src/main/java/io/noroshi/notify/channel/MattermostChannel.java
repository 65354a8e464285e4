package io.noroshi.notify.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noroshi.notify.Notice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * A Mattermost incoming webhook: JSON {@code text} in Mattermost markdown (the headline bold, the update escaped, the
 * link), optionally {@code channel}, {@code username} and {@code icon_url}. At most 4,000 characters, the limit of
 * older servers. An {@code @channel} or {@code @all} in an update is defused so it notifies no one. No idempotency
 * key: a retry after a lost answer may post twice.
 */
final class MattermostChannel extends ServiceChannel {

    static final int TEXT_MAX = 4_000;

    private final URI url;
    private final Optional<String> channel;
    private final Optional<String> username;
    private final Optional<String> iconUrl;
    private final ServiceCall call;

    private MattermostChannel(ChannelSettings settings, HttpClient http) {
        super("mattermost", settings, http, new Limits(2, 5));
        this.url = webhookUrl(settings);
        this.channel = settings.string("channel");
        this.username = settings.string("username");
        this.iconUrl = settings.string("icon_url");
        this.call = new ServiceCall("mattermost", secretParts(url), ServiceCall::usualDetail);
    }

    static Channel create(ChannelSettings settings, HttpClient http) {
        return new MattermostChannel(settings, http);
    }

    @Override
    public void send(Notice notice, Optional<String> recipient, String deliveryKey) throws DeliveryException {
        ObjectNode message = ServiceCall.JSON.createObjectNode();
        channel.ifPresent(value -> message.put("channel", value));
        username.ifPresent(value -> message.put("username", value));
        iconUrl.ifPresent(value -> message.put("icon_url", value));
        message.put("text", text(notice));
        call.send(http, request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString())).build());
    }

    static String text(Notice notice) {
        String link = NoticeText.link(notice);
        String headline = "**" + escape(NoticeText.headline(notice)) + "**";
        String body = TextFit.cut(NoticeText.statusAndBody(notice),
                b -> (headline + "\n" + escape(b) + "\n" + link).length() <= TEXT_MAX, TextFit.ELLIPSIS);
        return TextFit.join("\n", headline, escape(body), link);
    }

    /** Backslash-escapes markdown; a zero-width space after {@code @} keeps a mention from notifying. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\*_~`|>#[]()".indexOf(c) >= 0) out.append('\\');
            out.append(c);
            if (c == '@') out.append('\u200B');
        }
        return out.toString();
    }
}
