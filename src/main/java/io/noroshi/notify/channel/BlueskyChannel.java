package io.noroshi.notify.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noroshi.notify.Notice;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * A Bluesky post through the AT Protocol: {@code com.atproto.server.createSession} with the handle and an app
 * password (the session is kept and made again when it expires), then {@code com.atproto.repo.putRecord} of an
 * {@code app.bsky.feed.post} whose link is a rich-text link facet (UTF-8 byte offsets). The text fits 300 graphemes.
 * The record key is a TID made from the notice's time and the delivery key, so a retry after a lost answer writes
 * the same record again instead of a second post.
 */
final class BlueskyChannel extends ServiceChannel {

    static final int GRAPHEMES_MAX = 300;
    static final int BYTES_MAX = 3_000;

    private final String baseUrl;
    private final String handle;
    private final String appPassword;
    private final ServiceCall call;
    private volatile Session session;

    private record Session(String accessJwt, String did) {
        @Override
        public String toString() {
            return "Session[" + did + "]";
        }
    }

    private BlueskyChannel(ChannelSettings settings, HttpClient http) {
        super("bluesky", settings, http, new Limits(1, 1));
        this.baseUrl = baseUrl(settings, "https://bsky.social");
        this.handle = settings.required("handle");
        this.appPassword = settings.secret("app_password");
        this.call = new ServiceCall("bluesky", List.of(String.valueOf(appPassword)), ServiceCall::usualDetail);
    }

    static Channel create(ChannelSettings settings, HttpClient http) {
        return new BlueskyChannel(settings, http);
    }

    @Override
    public void send(Notice notice, Optional<String> recipient, String deliveryKey) throws DeliveryException {
        Session current = session != null ? session : login();
        String rkey = recordKey(notice, deliveryKey);
        if (!putRecord(current, notice, rkey)) {
            // the access token lives a few hours: log in again once and post at once
            if (!putRecord(login(), notice, rkey)) throw DeliveryException.permanent(
                    "bluesky: the post was refused even with a fresh session (check the account)", null);
        }
    }

    private Session login() throws DeliveryException {
        ObjectNode credentials = ServiceCall.JSON.createObjectNode().put("identifier", handle).put("password", appPassword);
        HttpResponse<String> answer = call.send(http, request(URI.create(baseUrl + "/xrpc/com.atproto.server.createSession"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials.toString())).build());
        try {
            JsonNode body = ServiceCall.JSON.readTree(answer.body());
            if (!body.path("accessJwt").isTextual() || !body.path("did").isTextual()) {
                throw DeliveryException.retryable("bluesky: createSession answered without accessJwt and did", Optional.empty(), null);
            }
            session = new Session(body.path("accessJwt").asText(), body.path("did").asText());
            return session;
        } catch (IOException notJson) {
            throw DeliveryException.retryable("bluesky: createSession answered with something not JSON", Optional.empty(), null);
        }
    }

    /** Posts; false when the session has expired (401, or 400 {@code ExpiredToken}). */
    private boolean putRecord(Session current, Notice notice, String rkey) throws DeliveryException {
        ObjectNode create = ServiceCall.JSON.createObjectNode().put("repo", current.did())
                .put("collection", "app.bsky.feed.post").put("rkey", rkey);
        create.set("record", post(notice));
        HttpResponse<String> answer = call.send(http, request(URI.create(baseUrl + "/xrpc/com.atproto.repo.putRecord"))
                .header("Authorization", "Bearer " + current.accessJwt())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(create.toString())).build(), status -> status == 400 || status == 401);
        if (answer.statusCode() == 401 || answer.statusCode() == 400 && expiredToken(answer.body())) return false;
        if (answer.statusCode() == 400) throw call.failure(answer);
        return true;
    }

    private static final String TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

    /**
     * The post's record key: a TID (the key type of {@code app.bsky.feed.post}, 13 base32-sortable characters of
     * 64 bits: 0, 53 bits of microseconds since the epoch, a 10-bit clock id) of the notice's time, with the clock
     * id taken from the delivery key. The same delivery always makes the same key.
     */
    static String recordKey(Notice notice, String deliveryKey) {
        long micros = Math.max(0, notice.at().getEpochSecond() * 1_000_000L + notice.at().getNano() / 1_000);
        int clockId;
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(deliveryKey.getBytes(StandardCharsets.UTF_8));
            clockId = ((hash[0] & 0xff) << 8 | (hash[1] & 0xff)) & 0x3ff;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        long value = (micros & ((1L << 53) - 1)) << 10 | clockId;
        var key = new StringBuilder(13);
        for (int shift = 60; shift >= 0; shift -= 5) key.append(TID_ALPHABET.charAt((int) (value >>> shift & 31)));
        return key.toString();
    }

    private static boolean expiredToken(String body) {
        try {
            return "ExpiredToken".equals(ServiceCall.JSON.readTree(body).path("error").asText());
        } catch (IOException notJson) {
            return false;
        }
    }

    static ObjectNode post(Notice notice) {
        String link = NoticeText.link(notice);
        String text = TextFit.compose(NoticeText.headline(notice), NoticeText.statusAndBody(notice), link, "\n",
                t -> t, t -> TextFit.graphemes(t) <= GRAPHEMES_MAX && TextFit.utf8(t) <= BYTES_MAX, TextFit.ELLIPSIS);
        ObjectNode post = ServiceCall.JSON.createObjectNode().put("$type", "app.bsky.feed.post").put("text", text)
                .put("createdAt", DateTimeFormatter.ISO_INSTANT.format(notice.at()));
        post.putArray("langs").add(notice.lang());
        int linkAt = text.lastIndexOf(link);
        if (linkAt >= 0) {
            int byteStart = text.substring(0, linkAt).getBytes(StandardCharsets.UTF_8).length;
            int byteEnd = byteStart + link.getBytes(StandardCharsets.UTF_8).length;
            ObjectNode facet = post.putArray("facets").addObject();
            facet.putObject("index").put("byteStart", byteStart).put("byteEnd", byteEnd);
            facet.putArray("features").addObject().put("$type", "app.bsky.richtext.facet#link").put("uri", link);
        }
        return post;
    }
}
