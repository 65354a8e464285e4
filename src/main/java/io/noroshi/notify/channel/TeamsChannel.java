package io.noroshi.notify.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noroshi.notify.Notice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * A Microsoft Teams channel through a Workflows webhook ("Send webhook alerts to a channel"): a {@code message} whose
 * one attachment is an Adaptive Card (headline, status, update, a button to the page). The workflow answers 202
 * Accepted. Workflows has no idempotency key, so a retry after a lost answer may post twice.
 */
final class TeamsChannel extends ServiceChannel {

    /** Teams refuses messages over about 28 KB; the update is kept well below. */
    static final int TEXT_MAX = 10_000;
    static final String CARD_VERSION = "1.4";

    private final URI url;
    private final ServiceCall call;

    private TeamsChannel(ChannelSettings settings, HttpClient http) {
        super("teams", settings, http, new Limits(1, 1));
        this.url = webhookUrl(settings);
        this.call = new ServiceCall("teams", secretParts(url), ServiceCall::usualDetail);
    }

    static Channel create(ChannelSettings settings, HttpClient http) {
        return new TeamsChannel(settings, http);
    }

    @Override
    public void send(Notice notice, Optional<String> recipient, String deliveryKey) throws DeliveryException {
        call.send(http, request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload(notice))).build());
    }

    static String payload(Notice notice) {
        ObjectNode message = ServiceCall.JSON.createObjectNode().put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard").put("version", CARD_VERSION);
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", escape(NoticeText.headline(notice)))
                .put("weight", "Bolder").put("size", "Medium").put("wrap", true);
        String status = NoticeText.status(notice);
        if (!status.isEmpty()) {
            body.addObject().put("type", "TextBlock").put("text", escape(status)).put("isSubtle", true).put("wrap", true);
        }
        String update = notice.body().strip();
        if (!update.isEmpty()) {
            body.addObject().put("type", "TextBlock").put("wrap", true)
                    .put("text", TextFit.cut(update, u -> escape(u).length() <= TEXT_MAX, TextFit.ELLIPSIS)
                            .transform(TeamsChannel::escape));
        }
        card.putArray("actions").addObject().put("type", "Action.OpenUrl")
                .put("title", NoticeText.linkLabel(notice)).put("url", NoticeText.link(notice));
        return message.toString();
    }

    /**
     * TextBlocks read a subset of markdown: emphasis ({@code *}, {@code _}) and links ({@code [text](url)}). Only
     * those are escaped, since some Teams clients show other backslashes as written. A TextBlock needs a blank line
     * to break a line.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean link = c == ']' && i + 1 < text.length() && text.charAt(i + 1) == '(';
            if (c == '\\' || c == '*' || c == '_' || link) out.append('\\');
            out.append(c);
        }
        return out.toString().replace("\r\n", "\n").replace("\n", "\n\n");
    }
}
