package io.noroshi.notify.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noroshi.notify.Notice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A Google Chat space's incoming webhook (the URL carries its {@code key} and {@code token}): a JSON message with
 * {@code text} in Chat's formatting (headline in bold, the link as {@code <url|label>}), at most 4,096 characters.
 * With {@code thread_key} set, every notice goes to one thread. The delivery key is the {@code requestId}: Chat
 * answers a repeated request id with the message it created the first time, so a retry does not post twice.
 */
final class GoogleChatChannel extends ServiceChannel {

    static final int TEXT_MAX = 4_096;

    private final URI url;
    private final Optional<String> threadKey;
    private final ServiceCall call;

    private GoogleChatChannel(ChannelSettings settings, HttpClient http) {
        super("googlechat", settings, http, new Limits(1, 1));
        this.url = webhookUrl(settings);
        this.threadKey = settings.string("thread_key");
        this.call = new ServiceCall("googlechat", secretParts(url), ServiceCall::usualDetail);
    }

    static Channel create(ChannelSettings settings, HttpClient http) {
        return new GoogleChatChannel(settings, http);
    }

    @Override
    public void send(Notice notice, Optional<String> recipient, String deliveryKey) throws DeliveryException {
        String query = "requestId=" + java.net.URLEncoder.encode(deliveryKey, StandardCharsets.UTF_8);
        ObjectNode message = ServiceCall.JSON.createObjectNode().put("text", text(notice));
        if (threadKey.isPresent()) {
            message.putObject("thread").put("threadKey", threadKey.get());
            query += "&messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD";
        }
        URI target = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + query);
        call.send(http, request(target).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString())).build());
    }

    static String text(Notice notice) {
        String link = "<" + NoticeText.link(notice) + "|" + escape(NoticeText.linkLabel(notice)) + ">";
        String headline = "*" + escape(NoticeText.headline(notice)) + "*";
        String body = TextFit.cut(NoticeText.statusAndBody(notice),
                b -> (headline + "\n" + escape(b) + "\n" + link).length() <= TEXT_MAX, TextFit.ELLIPSIS);
        return TextFit.join("\n", headline, escape(body), link);
    }

    /** Chat reads {@code <...>} as a link or mention: angle brackets and ampersands go as entities. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
