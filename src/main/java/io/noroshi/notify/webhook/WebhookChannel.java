package io.noroshi.notify.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.notify.Notice;
import io.noroshi.notify.channel.Channel;
import io.noroshi.notify.channel.ChannelSettings;
import io.noroshi.notify.channel.DeliveryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A signed HTTP POST of Atlassian Statuspage's webhook payload (incident or component update), to one URL from the
 * config ({@code kind: webhook}, keys {@code url}, {@code secret_env}/{@code secret_file}) or to each webhook
 * subscriber's URL with that subscriber's own secret. Events without a Statuspage payload (team alerts) send
 * a small JSON object of their own.
 */
public final class WebhookChannel implements Channel {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Optional<String> site;
    private final Optional<URI> url;
    private final UnaryOperator<String> secretFor;
    private final HttpClient http;
    private final Clock clock;
    private final Limits limits;

    public WebhookChannel(String name, Optional<String> site, Optional<URI> url, UnaryOperator<String> secretFor, HttpClient http,
                          Clock clock, Limits limits) {
        this.name = name;
        this.site = site;
        this.url = url;
        this.secretFor = secretFor;
        this.http = http;
        this.clock = clock;
        this.limits = limits;
    }

    public static Channel create(ChannelSettings s, HttpClient http) {
        String written = s.required("url");
        Optional<URI> url = Optional.empty();
        try {
            URI uri = URI.create(written);
            if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null) url = Optional.of(uri);
            else if (!written.isEmpty()) s.problem("url", "'" + written + "' is not an http(s) URL with a host");
        } catch (IllegalArgumentException e) {
            s.problem("url", "'" + written + "' is not a valid URL");
        }
        String secret = s.secret("secret");
        int concurrency = s.integer("concurrency").orElse(Limits.DEFAULT.concurrency());
        int perSecond = s.integer("per_second").orElse((int) Limits.DEFAULT.perSecond());
        return new WebhookChannel(s.name(), s.site(), url, recipient -> secret, http, Clock.systemUTC(),
                new Limits(Math.max(1, concurrency), Math.max(1, perSecond)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "webhook";
    }

    @Override
    public Optional<String> site() {
        return site;
    }

    @Override
    public Limits limits() {
        return limits;
    }

    @Override
    public void send(Notice notice, Optional<String> recipient, String deliveryKey) throws DeliveryException {
        URI target = recipient.map(URI::create).or(() -> url)
                .orElseThrow(() -> DeliveryException.permanent("no URL to send to", null));
        byte[] body = body(notice).getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.header(secretFor.apply(target.toString()), clock.instant().getEpochSecond(), body);
        var request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Noroshi")
                .header(WebhookSignature.HEADER, signature)
                .header("X-Noroshi-Event", notice.event().name().toLowerCase(java.util.Locale.ROOT))
                .header("X-Noroshi-Delivery", deliveryKey) // the same on every retry: receivers can drop repeats
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw DeliveryException.retryable("cannot reach " + target.getHost() + ": " + e.getClass().getSimpleName(), Optional.empty(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable("interrupted", Optional.empty(), e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) return;
        String message = target.getHost() + " answered " + status;
        if (status == 408 || status == 429 || status / 100 == 5) {
            throw DeliveryException.retryable(message, retryAfter(response.headers().firstValue("Retry-After"), clock), null);
        }
        throw DeliveryException.permanent(message, null);
    }

    static String body(Notice notice) {
        if (notice.webhookJson().isPresent()) return notice.webhookJson().get();
        var map = new LinkedHashMap<String, Object>();
        map.put("event", notice.event().name().toLowerCase(java.util.Locale.ROOT));
        map.put("title", notice.title());
        notice.status().ifPresent(s -> map.put("status", s));
        map.put("impact", notice.impact());
        map.put("body", notice.body());
        map.put("link", notice.link().toString());
        map.put("at", notice.at().toString());
        if (notice.event() == Notice.Event.SUBSCRIPTION_CONFIRM) notice.manageLink().ifPresent(l -> map.put("confirm_url", l.toString()));
        try {
            return JSON.writeValueAsString(map);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Retry-After} as seconds or an HTTP date (RFC 9110). */
    public static Optional<Duration> retryAfter(Optional<String> header, Clock clock) {
        if (header.isEmpty()) return Optional.empty();
        String value = header.get().strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException e) {
            try {
                var at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException ignored) {
                return Optional.empty();
            }
        }
    }
}
