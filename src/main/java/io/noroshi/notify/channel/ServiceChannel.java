package io.noroshi.notify.channel;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every chat, social and SMS channel shares: its name, site, limits, HTTP client and timeout, and reading a
 * base URL or a secret webhook URL from the config. {@link #toString()} shows the kind and name only, never a secret.
 */
abstract class ServiceChannel implements Channel {

    static final int DEFAULT_TIMEOUT_SECONDS = 10;

    private final String kind;
    private final String name;
    private final Optional<String> site;
    private final Limits limits;
    protected final HttpClient http;
    protected final Duration timeout;

    ServiceChannel(String kind, ChannelSettings settings, HttpClient http, Limits defaults) {
        this.kind = kind;
        this.name = settings.name();
        this.site = settings.site();
        this.http = http;
        int seconds = settings.integer("timeout_seconds").orElse(DEFAULT_TIMEOUT_SECONDS);
        if (seconds < 1 || seconds > 300) {
            settings.problem("timeout_seconds", "must be between 1 and 300 seconds");
            seconds = DEFAULT_TIMEOUT_SECONDS;
        }
        this.timeout = Duration.ofSeconds(seconds);
        this.limits = limits(settings, defaults);
    }

    /** The kind's limits, unless the entry sets {@code concurrency} (1-64) or {@code per_second} (above 0, at most 1000). */
    private static Limits limits(ChannelSettings settings, Limits defaults) {
        int concurrency = bounded(settings, "concurrency", 1, 64, defaults.concurrency());
        double perSecond = defaults.perSecond();
        Optional<String> given = settings.string("per_second");
        if (given.isPresent()) {
            try {
                perSecond = Double.parseDouble(given.get());
                if (!(perSecond > 0 && perSecond <= 1_000)) throw new NumberFormatException();
            } catch (NumberFormatException notARate) {
                settings.problem("per_second", "must be a number above 0 and at most 1000, such as 0.5");
                perSecond = defaults.perSecond();
            }
        }
        return new Limits(concurrency, perSecond);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final Optional<String> site() {
        return site;
    }

    @Override
    public final Limits limits() {
        return limits;
    }

    /** A request to {@code uri} with this channel's timeout. */
    protected HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout);
    }

    @Override
    public String toString() {
        return kind + " channel '" + name + "'";
    }

    /** The service's base URL: {@code base_url} when given (without a trailing slash), else {@code fallback}. */
    static String baseUrl(ChannelSettings settings, String fallback) {
        String value = settings.string("base_url").orElse(fallback);
        return checkedUrl(settings, "base_url", value, true);
    }

    /** A required base URL, for services with no one public instance (Mastodon, Matrix). */
    static String requiredBaseUrl(ChannelSettings settings) {
        String value = settings.required("base_url");
        return checkedUrl(settings, "base_url", value == null ? "" : value, true);
    }

    /** A webhook URL given as the secret {@code url}; a problem never repeats the URL (its path is the secret). */
    static URI webhookUrl(ChannelSettings settings) {
        String value = settings.secret("url");
        String checked = checkedUrl(settings, "url", value == null ? "" : value.strip(), false);
        return checked.isEmpty() ? URI.create("http://invalid.invalid/") : URI.create(checked);
    }

    /** A secret URL and the parts of it that are secret on their own: its path and its query's values. */
    static List<String> secretParts(URI url) {
        List<String> parts = new ArrayList<>();
        parts.add(url.toString());
        if (url.getRawPath() != null && url.getRawPath().length() > 1) parts.add(url.getRawPath());
        if (url.getRawQuery() != null) {
            for (String pair : url.getRawQuery().split("&")) {
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.length() >= 4) parts.add(value);
            }
        }
        return parts;
    }

    private static String checkedUrl(ChannelSettings settings, String key, String value, boolean showValue) {
        if (value.isBlank()) return "";
        try {
            URI uri = new URI(value);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                settings.problem(key, "must be an http:// or https:// URL with a host"
                        + (showValue ? ", not '" + value + "'" : ""));
                return "";
            }
        } catch (URISyntaxException bad) {
            settings.problem(key, "is not a valid URL" + (showValue ? ": '" + value + "'" : ""));
            return "";
        }
        return value.endsWith("/") && showValue ? value.substring(0, value.length() - 1) : value;
    }

    /** An optional integer within [min, max], else the default (a problem names the key and the range). */
    static int bounded(ChannelSettings settings, String key, int min, int max, int fallback) {
        int value = settings.integer(key).orElse(fallback);
        if (value < min || value > max) {
            settings.problem(key, "must be between " + min + " and " + max);
            return fallback;
        }
        return value;
    }
}
