package io.noroshi.notify.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noroshi.notify.Notice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A LINE Official Account's push message ({@code POST /v2/bot/message/push}) with the channel access token: one
 * text message of at most 5,000 characters to the configured {@code to} (a user, group or room id), or to the
 * delivery's recipient when given. The delivery key, as a UUID, is the {@code X-Line-Retry-Key}: LINE runs a push
 * once per key and answers a repeat with 409, which counts as delivered.
 */
final class LineChannel extends ServiceChannel {

    static final int TEXT_MAX = 5_000;

    private final String baseUrl;
    private final String accessToken;
    private final String to;
    private final ServiceCall call;

    private LineChannel(ChannelSettings settings, HttpClient http) {
        super("line", settings, http, new Limits(2, 10));
        this.baseUrl = baseUrl(settings, "https://api.line.me");
        this.accessToken = settings.secret("channel_access_token");
        this.to = settings.required("to");
        this.call = new ServiceCall("line", List.of(String.valueOf(accessToken)), ServiceCall::usualDetail);
    }

    static Channel create(ChannelSettings settings, HttpClient http) {
        return new LineChannel(settings, http);
    }

    @Override
    public void send(Notice notice, Optional<String> recipient, String deliveryKey) throws DeliveryException {
        ObjectNode push = ServiceCall.JSON.createObjectNode().put("to", recipient.orElse(to));
        push.putArray("messages").addObject().put("type", "text").put("text", text(notice));
        call.send(http, request(URI.create(baseUrl + "/v2/bot/message/push"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .header("X-Line-Retry-Key", retryKey(deliveryKey).toString())
                .POST(HttpRequest.BodyPublishers.ofString(push.toString())).build(), status -> status == 409);
    }

    static String text(Notice notice) {
        return TextFit.compose(NoticeText.headline(notice), NoticeText.statusAndBody(notice), NoticeText.link(notice),
                "\n", t -> t, t -> t.length() <= TEXT_MAX, TextFit.ELLIPSIS);
    }

    /** LINE wants a hexadecimal UUID: the delivery key itself when it is one, else a name-based UUID of it. */
    static UUID retryKey(String deliveryKey) {
        try {
            UUID parsed = UUID.fromString(deliveryKey);
            if (parsed.toString().equalsIgnoreCase(deliveryKey)) return parsed;
        } catch (IllegalArgumentException notAUuid) {
            // fall through to a name-based UUID
        }
        return UUID.nameUUIDFromBytes(deliveryKey.getBytes(StandardCharsets.UTF_8));
    }
}
