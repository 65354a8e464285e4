package io.noroshi.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in noroshi.yaml: a whole number and a unit, {@code 500ms}, {@code 30s}, {@code 2m}, {@code 24h}, {@code 7d}. */
final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /** Parses {@code text}; reports a problem on {@code key} and returns empty when it is not a duration. */
    static Optional<Duration> parse(YamlSection s, String key, String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            s.problem(key, "'" + text + "' is not a duration; write a number and a unit, e.g. 500ms, 30s, 2m, 24h, 7d");
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        });
    }

    /** The duration under {@code key}, if present and valid. */
    static Optional<Duration> read(YamlSection s, String key) {
        return s.string(key).flatMap(text -> parse(s, key, text));
    }

    /** A positive duration under {@code key}, or empty (with a problem when present but not positive). */
    static Optional<Duration> positive(YamlSection s, String key) {
        Optional<Duration> d = read(s, key);
        if (d.isPresent() && (d.get().isZero() || d.get().isNegative())) {
            s.problem(key, "must be longer than zero");
            return Optional.empty();
        }
        return d;
    }
}
