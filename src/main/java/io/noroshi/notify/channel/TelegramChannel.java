package io.noroshi.notify.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noroshi.notify.Notice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;

/**
 * A Telegram bot's {@code sendMessage} ({@code POST /bot<token>/sendMessage}) with {@code parse_mode: HTML}: the
 * headline in bold, the update HTML-escaped, the link as an anchor; at most 4,096 characters of text after entity
 * parsing. The chat is the configured {@code chat_id} (a group, a channel's {@code @name}, a user id); a delivery's
 * recipient, when given, overrides it. The Bot API has no idempotency key: a retry after a lost answer may post
 * twice. Its 429 answers carry {@code parameters.retry_after}, which is honoured.
 */
final class TelegramChannel extends ServiceChannel {

    static final int TEXT_MAX = 4_096;

    private final String baseUrl;
    private final String botToken;
    private final String chatId;
    private final ServiceCall call;

    private TelegramChannel(ChannelSettings settings, HttpClient http) {
        super("telegram", settings, http, new Limits(1, 1));
        this.baseUrl = baseUrl(settings, "https://api.telegram.org");
        this.botToken = settings.secret("bot_token");
        this.chatId = settings.required("chat_id");
        this.call = new ServiceCall("telegram", List.of(String.valueOf(botToken)), ServiceCall::usualDetail);
    }

    static Channel create(ChannelSettings settings, HttpClient http) {
        return new TelegramChannel(settings, http);
    }

    @Override
    public void send(Notice notice, Optional<String> recipient, String deliveryKey) throws DeliveryException {
        ObjectNode message = ServiceCall.JSON.createObjectNode();
        message.put("chat_id", recipient.orElse(chatId));
        message.put("text", text(notice));
        message.put("parse_mode", "HTML");
        call.send(http, request(URI.create(baseUrl + "/bot" + botToken + "/sendMessage"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString())).build());
    }

    /** Telegram counts the text after parsing, so the limit applies to the unescaped words. */
    static String text(Notice notice) {
        String headline = NoticeText.headline(notice);
        String label = NoticeText.linkLabel(notice);
        String body = TextFit.cut(NoticeText.statusAndBody(notice),
                b -> TextFit.join("\n", headline, b, label).length() <= TEXT_MAX, TextFit.ELLIPSIS);
        String anchor = "<a href=\"" + escape(NoticeText.link(notice)) + "\">" + escape(label) + "</a>";
        return TextFit.join("\n", "<b>" + escape(headline) + "</b>", escape(body), anchor);
    }

    /** The Bot API's HTML mode needs {@code <}, {@code >}, {@code &} (and {@code "} in attributes) as entities. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
