package io.noroshi.statuspage;

import java.time.Duration;
import java.time.Instant;

/**
 * "40 minutes ago", "in 3 days" and "5 h 25 min", in the page's language, written into the page by
 * the server so they read without JavaScript. Coarse on purpose: a page re-rendered every minute
 * (the hub's idle refresh) stays right to the minute, and an unchanged minute renders equal bytes.
 */
public final class RelativeTimes {

    private RelativeTimes() {
    }

    /** How long ago (or how far ahead) {@code at} is from {@code now}. */
    public static String relative(Instant at, Instant now, UiStrings t) {
        long seconds = Duration.between(at, now).toSeconds();
        boolean future = seconds < 0;
        long s = Math.abs(seconds);
        if (s < 60) return t.get("ago.now");
        String amount;
        if (s < 3600) amount = count(t, s / 60, "minute");
        else if (s < 48 * 3600) amount = count(t, s / 3600, "hour");
        else amount = count(t, s / 86_400, "day");
        return t.format(future ? "time.ahead" : "time.ago", amount);
    }

    /** A length of time to the minute: {@code 25 min}, {@code 5 h 25 min}, {@code 2 d 3 h}. */
    public static String duration(Duration length, UiStrings t) {
        long minutes = Math.max(0, length.toMinutes());
        if (minutes < 60) return t.format("duration.minutes", Math.max(1, minutes));
        long hours = minutes / 60;
        if (hours < 48) {
            return minutes % 60 == 0 ? t.format("duration.hours", hours) : t.format("duration.hoursMinutes", hours, minutes % 60);
        }
        return hours % 24 == 0 ? t.format("duration.days", hours / 24) : t.format("duration.daysHours", hours / 24, hours % 24);
    }

    private static String count(UiStrings t, long n, String unit) {
        return t.format(n == 1 ? "count." + unit : "count." + unit + "s", n);
    }
}
