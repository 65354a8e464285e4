package io.noroshi.notify.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noroshi.notify.Notice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;

/**
 * A Slack incoming webhook: a JSON message with Block Kit blocks (a header, a section in mrkdwn with the status
 * and the update, a button to the page) and a plain {@code text} fallback for notifications. Slack allows one
 * message per second per webhook; it has no idempotency key, so a retry after a lost answer may post twice.
 */
final class SlackChannel extends ServiceChannel {

    static final int HEADER_MAX = 150;
    static final int SECTION_MAX = 3_000;

    private final URI url;
    private final ServiceCall call;

    private SlackChannel(ChannelSettings settings, HttpClient http) {
        super("slack", settings, http, new Limits(1, 1));
        this.url = webhookUrl(settings);
        this.call = new ServiceCall("slack", secretParts(url), ServiceCall::usualDetail);
    }

    static Channel create(ChannelSettings settings, HttpClient http) {
        return new SlackChannel(settings, http);
    }

    @Override
    public void send(Notice notice, Optional<String> recipient, String deliveryKey) throws DeliveryException {
        call.send(http, request(url).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload(notice))).build());
    }

    static String payload(Notice notice) {
        String headline = NoticeText.headline(notice);
        ObjectNode message = ServiceCall.JSON.createObjectNode();
        message.put("text", escape(headline));
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("emoji", true)
                .put("text", TextFit.cut(headline, h -> h.length() <= HEADER_MAX, TextFit.ELLIPSIS));
        String body = NoticeText.statusAndBody(notice);
        if (!body.isEmpty()) {
            blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                    .put("text", TextFit.cut(body, b -> escape(b).length() <= SECTION_MAX, TextFit.ELLIPSIS)
                            .transform(SlackChannel::escape));
        }
        ObjectNode button = blocks.addObject().put("type", "actions").putArray("elements").addObject();
        button.put("type", "button").put("url", NoticeText.link(notice));
        button.putObject("text").put("type", "plain_text").put("text", NoticeText.linkLabel(notice));
        return message.toString();
    }

    /** Slack's mrkdwn escaping: only {@code &}, {@code <} and {@code >} are control characters. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
