package io.noroshi.notify.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noroshi.notify.Notice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;

/**
 * An ntfy topic, published as JSON to the server's root ({@code POST /} with {@code topic}, {@code title},
 * {@code message}, {@code priority}, {@code click}, {@code tags}), so titles in Japanese need no header encoding. An
 * access token ({@code token_*}) is sent as a bearer token for protected topics. The message is kept within 4,096
 * bytes (beyond that ntfy turns it into an attachment). Priority follows the impact unless {@code priority} is set.
 * ntfy has no idempotency key: a retry after a lost answer may publish twice.
 */
final class NtfyChannel extends ServiceChannel {

    static final int MESSAGE_MAX_BYTES = 4_096;

    private final String baseUrl;
    private final String topic;
    private final Optional<String> token;
    private final Optional<Integer> priority;
    private final ServiceCall call;

    private NtfyChannel(ChannelSettings settings, HttpClient http) {
        super("ntfy", settings, http, new Limits(2, 5));
        this.baseUrl = baseUrl(settings, "https://ntfy.sh");
        this.topic = settings.required("topic");
        this.token = settings.optionalSecret("token");
        this.priority = settings.integer("priority").isPresent()
                ? Optional.of(bounded(settings, "priority", 1, 5, 3)) : Optional.empty();
        this.call = new ServiceCall("ntfy", token.map(List::of).orElse(List.of()), ServiceCall::usualDetail);
    }

    static Channel create(ChannelSettings settings, HttpClient http) {
        return new NtfyChannel(settings, http);
    }

    @Override
    public void send(Notice notice, Optional<String> recipient, String deliveryKey) throws DeliveryException {
        ObjectNode message = ServiceCall.JSON.createObjectNode().put("topic", topic);
        message.put("title", NoticeText.headline(notice));
        message.put("message", TextFit.compose("", NoticeText.statusAndBody(notice), NoticeText.link(notice), "\n",
                t -> t, t -> TextFit.utf8(t) <= MESSAGE_MAX_BYTES, TextFit.ELLIPSIS));
        message.put("priority", priority.orElse(priorityFor(notice)));
        message.put("click", NoticeText.link(notice));
        message.putArray("tags").add(tagFor(notice));
        HttpRequest.Builder request = request(URI.create(baseUrl + "/")).header("Content-Type", "application/json");
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        call.send(http, request.POST(HttpRequest.BodyPublishers.ofString(message.toString())).build());
    }

    /** ntfy's 1 (min) to 5 (max); 3 is its default. Good news is never urgent. */
    static int priorityFor(Notice notice) {
        if (allClear(notice)) return 3;
        return switch (notice.impact()) {
            case "critical" -> 5;
            case "major" -> 4;
            default -> 3;
        };
    }

    /** A tag ntfy shows as an emoji. */
    static String tagFor(Notice notice) {
        if (allClear(notice)) return "white_check_mark";
        return switch (notice.impact()) {
            case "critical", "major" -> "rotating_light";
            case "minor" -> "warning";
            default -> "information_source";
        };
    }

    private static boolean allClear(Notice notice) {
        return notice.event() == Notice.Event.INCIDENT_RESOLVED || notice.event() == Notice.Event.MAINTENANCE_COMPLETED;
    }
}
