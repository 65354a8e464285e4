package io.noroshi.statuspage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the site writes them, always in the page's time zone with its offset, so a reader in
 * another zone is never misled about when something happened.
 */
public record PageTimes(ZoneId zone) {

    private static final DateTimeFormatter API = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);
    private static final DateTimeFormatter ATTRIBUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx", Locale.ROOT);

    /** ISO-8601 with milliseconds and offset, as the Statuspage API and Atom use: {@code 2026-11-25T12:34:56.789+09:00}. */
    public String iso(Instant at) {
        return API.format(at.atZone(zone));
    }

    /** ISO-8601 to the second, for {@code <time datetime>}. */
    public String attribute(Instant at) {
        return ATTRIBUTE.format(at.atZone(zone));
    }

    /** RFC 822 (as RFC 1123) for RSS: {@code Wed, 25 Nov 2026 12:34:56 +0900}. */
    public String rfc822(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(zone));
    }

    /** For people: {@code pattern} from the UI strings, followed by the UTC offset. */
    public String display(Instant at, DateTimeFormatter pattern) {
        var local = at.atZone(zone);
        return pattern.format(local) + " (UTC" + OFFSET.format(local) + ")";
    }
}
