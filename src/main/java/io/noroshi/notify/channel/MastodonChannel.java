package io.noroshi.notify.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noroshi.notify.Notice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Mastodon status: {@code POST /api/v1/statuses} with the account's access token, the delivery key as
 * {@code Idempotency-Key} (Mastodon keeps it an hour, so a retry after a lost answer does not post twice), and
 * {@code visibility} from the config. The text fits the instance's 500 characters, a URL counting as 23 the way
 * Mastodon counts it.
 */
final class MastodonChannel extends ServiceChannel {

    static final int STATUS_MAX = 500;
    /** Mastodon counts every URL as this many characters, whatever its length. */
    static final int URL_WEIGHT = 23;
    static final Set<String> VISIBILITIES = Set.of("public", "unlisted", "private", "direct");

    private final String baseUrl;
    private final String accessToken;
    private final String visibility;
    private final int maxCharacters;
    private final ServiceCall call;

    private MastodonChannel(ChannelSettings settings, HttpClient http) {
        super("mastodon", settings, http, new Limits(1, 1));
        this.baseUrl = requiredBaseUrl(settings);
        this.accessToken = settings.secret("access_token");
        String chosen = settings.string("visibility").orElse("public");
        if (!VISIBILITIES.contains(chosen)) {
            settings.problem("visibility", "must be one of public, unlisted, private, direct");
            chosen = "public";
        }
        this.visibility = chosen;
        this.maxCharacters = bounded(settings, "max_characters", 100, 100_000, STATUS_MAX);
        this.call = new ServiceCall("mastodon", List.of(String.valueOf(accessToken)), ServiceCall::usualDetail);
    }

    static Channel create(ChannelSettings settings, HttpClient http) {
        return new MastodonChannel(settings, http);
    }

    @Override
    public void send(Notice notice, Optional<String> recipient, String deliveryKey) throws DeliveryException {
        call.send(http, request(URI.create(baseUrl + "/api/v1/statuses"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Idempotency-Key", deliveryKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload(notice, visibility, maxCharacters))).build());
    }

    static String payload(Notice notice, String visibility, int maxCharacters) {
        String link = NoticeText.link(notice);
        int linkShortfall = link.codePointCount(0, link.length()) - Math.min(URL_WEIGHT, link.length());
        String status = TextFit.compose(NoticeText.headline(notice), NoticeText.statusAndBody(notice), link, "\n\n",
                t -> t, t -> t.codePointCount(0, t.length()) - linkShortfall <= maxCharacters, TextFit.ELLIPSIS);
        ObjectNode body = ServiceCall.JSON.createObjectNode();
        body.put("status", status);
        body.put("visibility", visibility);
        body.put("language", notice.lang());
        return body.toString();
    }
}
