package io.noroshi.notify.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noroshi.notify.Notice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * A Discord webhook: the message as {@code content} (at most 2,000 characters, markdown escaped, no mentions:
 * {@code allowed_mentions.parse} is empty so {@code @everyone} in an update pings no one), or, with
 * {@code embeds: true}, the headline as content and the update as an embed (description up to 4,096). Discord
 * has no idempotency key for webhooks, so a retry after a lost answer may post twice.
 */
final class DiscordChannel extends ServiceChannel {

    static final int CONTENT_MAX = 2_000;
    static final int EMBED_TITLE_MAX = 256;
    static final int EMBED_DESCRIPTION_MAX = 4_096;

    private final URI url;
    private final boolean embeds;
    private final Optional<String> username;
    private final ServiceCall call;

    private DiscordChannel(ChannelSettings settings, HttpClient http) {
        super("discord", settings, http, new Limits(1, 0.5));
        this.url = webhookUrl(settings);
        String embedsValue = settings.string("embeds").orElse("false");
        if (!embedsValue.equals("true") && !embedsValue.equals("false")) settings.problem("embeds", "must be true or false");
        this.embeds = embedsValue.equals("true");
        this.username = settings.string("username");
        this.call = new ServiceCall("discord", secretParts(url), ServiceCall::usualDetail);
    }

    static Channel create(ChannelSettings settings, HttpClient http) {
        return new DiscordChannel(settings, http);
    }

    @Override
    public void send(Notice notice, Optional<String> recipient, String deliveryKey) throws DeliveryException {
        call.send(http, request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload(notice, embeds, username))).build());
    }

    static String payload(Notice notice, boolean embeds, Optional<String> username) {
        ObjectNode message = ServiceCall.JSON.createObjectNode();
        username.ifPresent(name -> message.put("username", name));
        String headline = NoticeText.headline(notice);
        String link = NoticeText.link(notice);
        if (embeds) {
            message.put("content", TextFit.cut(headline, c -> escape(c).length() <= CONTENT_MAX, TextFit.ELLIPSIS)
                    .transform(DiscordChannel::escape));
            ObjectNode embed = message.putArray("embeds").addObject();
            embed.put("title", TextFit.cut(headline, t -> t.length() <= EMBED_TITLE_MAX, TextFit.ELLIPSIS));
            embed.put("url", link);
            embed.put("description", TextFit.cut(NoticeText.statusAndBody(notice),
                    d -> escape(d).length() <= EMBED_DESCRIPTION_MAX, TextFit.ELLIPSIS).transform(DiscordChannel::escape));
            embed.put("color", NoticeText.impactColour(notice));
            embed.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(notice.at()));
        } else {
            // the link is left unescaped so Discord still makes it clickable
            String text = TextFit.compose(headline, NoticeText.statusAndBody(notice), "", "\n", DiscordChannel::escape,
                    t -> t.length() + 1 + link.length() <= CONTENT_MAX, TextFit.ELLIPSIS);
            message.put("content", text + "\n" + link);
        }
        message.putObject("allowed_mentions").putArray("parse");
        return message.toString();
    }

    /** Backslash-escapes Discord markdown, so an update's {@code *} or {@code _} shows as written. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\*_~`|>#[]()-".indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }
}
