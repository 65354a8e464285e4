package io.noroshi.notify.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noroshi.notify.Notice;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A Matrix room message through the client-server API:
 * {@code PUT /_matrix/client/v3/rooms/{roomId}/send/m.room.message/{txnId}} with the account's access token, an
 * {@code m.text} with a plain {@code body} and an HTML {@code formatted_body}. The delivery key is the transaction
 * id, so the homeserver treats a retry as the same event. Rate limits ({@code M_LIMIT_EXCEEDED} with
 * {@code retry_after_ms}) are honoured.
 */
final class MatrixChannel extends ServiceChannel {

    static final int BODY_MAX = 16_000;

    private final String baseUrl;
    private final String accessToken;
    private final String roomId;
    private final ServiceCall call;

    private MatrixChannel(ChannelSettings settings, HttpClient http) {
        super("matrix", settings, http, new Limits(1, 2));
        this.baseUrl = requiredBaseUrl(settings);
        this.accessToken = settings.secret("access_token");
        this.roomId = settings.required("room_id");
        if (!roomId.isEmpty() && !roomId.startsWith("!")) {
            settings.problem("room_id", "must be a room id such as !abc123:matrix.org (not an alias like #room:server)");
        }
        this.call = new ServiceCall("matrix", List.of(String.valueOf(accessToken)), ServiceCall::usualDetail);
    }

    static Channel create(ChannelSettings settings, HttpClient http) {
        return new MatrixChannel(settings, http);
    }

    @Override
    public void send(Notice notice, Optional<String> recipient, String deliveryKey) throws DeliveryException {
        String path = "/_matrix/client/v3/rooms/" + segment(roomId) + "/send/m.room.message/" + segment(deliveryKey);
        call.send(http, request(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(content(notice).toString())).build());
    }

    static ObjectNode content(Notice notice) {
        String headline = NoticeText.headline(notice);
        String link = NoticeText.link(notice);
        String body = TextFit.cut(NoticeText.statusAndBody(notice),
                b -> TextFit.join("\n", headline, escape(b), link).length() * 2 <= BODY_MAX, TextFit.ELLIPSIS);
        ObjectNode content = ServiceCall.JSON.createObjectNode().put("msgtype", "m.text");
        content.put("body", TextFit.join("\n", headline, body, link));
        content.put("format", "org.matrix.custom.html");
        content.put("formatted_body", TextFit.join("<br>", "<strong>" + escape(headline) + "</strong>",
                escape(body).replace("\n", "<br>"),
                "<a href=\"" + escape(link) + "\">" + escape(NoticeText.linkLabel(notice)) + "</a>"));
        return content;
    }

    /** A path segment: everything but unreserved characters percent-encoded ({@code !} and {@code :} of room ids too). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
