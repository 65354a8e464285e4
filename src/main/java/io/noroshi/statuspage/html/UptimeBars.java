package io.noroshi.statuspage.html;

import io.noroshi.statuspage.PageData;
import io.noroshi.statuspage.RelativeTimes;
import io.noroshi.statuspage.UiStrings;
import io.noroshi.uptime.DailyUptime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * The 90 daily bars of one component and its overall uptime. A day without observations is
 * "no data" in grey: an unwatched day must never look like a good one.
 */
final class UptimeBars {

    /** Horizontal step of one bar in the SVG's coordinate space. */
    static final int STEP = 5;
    /** Below this a day with outage shows as down rather than partly down. */
    private static final double DOWN_BELOW = 0.95;

    private UptimeBars() {
    }

    /**
     * @param days  the component's stored days, any order, may have gaps
     * @param today the last day shown, in the page's time zone
     */
    static List<Views.Day> days(List<DailyUptime> days, LocalDate today, UiStrings t) {
        var byDay = new HashMap<LocalDate, DailyUptime>();
        for (DailyUptime day : days) byDay.put(day.day(), day);
        var out = new ArrayList<Views.Day>(PageData.UPTIME_DAYS);
        var dateFormat = t.dateFormat();
        for (int i = 0; i < PageData.UPTIME_DAYS; i++) {
            LocalDate date = today.minusDays(PageData.UPTIME_DAYS - 1L - i);
            DailyUptime day = byDay.get(date);
            String when = dateFormat.format(date);
            if (day == null || day.observedSeconds() == 0) {
                out.add(new Views.Day(i * STEP, "d-none", when + ": " + t.get("uptime.noData")));
                continue;
            }
            out.add(new Views.Day(i * STEP, css(day), label(day, when, t)));
        }
        return out;
    }

    /**
     * What a day was, in words: {@code Mar 1: 99.20% operational, 3 h degraded}. A day with any
     * trouble never reads as a plain 100%: its share operational is below it and each kind is named.
     */
    static String label(DailyUptime day, String when, UiStrings t) {
        var text = new StringBuilder(t.format("uptime.dayOperational", when, percent((double) day.operationalSeconds() / day.observedSeconds())));
        if (day.degradedSeconds() > 0) text.append(", ").append(t.format("uptime.degradedFor", length(day.degradedSeconds(), t)));
        if (day.outageSeconds() > 0) text.append(", ").append(t.format("uptime.outageFor", length(day.outageSeconds(), t)));
        if (day.maintenanceSeconds() > 0) text.append(", ").append(t.format("uptime.maintenanceFor", length(day.maintenanceSeconds(), t)));
        return text.toString();
    }

    private static String length(long seconds, UiStrings t) {
        return RelativeTimes.duration(java.time.Duration.ofSeconds(seconds + 59), t);
    }

    /** The colour of a status, for today's bar while the component is in it. */
    static String css(io.noroshi.component.ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> "d-up";
            case DEGRADED_PERFORMANCE -> "d-deg";
            case PARTIAL_OUTAGE -> "d-part";
            case MAJOR_OUTAGE -> "d-down";
            case UNDER_MAINTENANCE -> "d-maint";
        };
    }

    /** How bad a bar's colour is, to keep the worse of what today recorded and what is true now. */
    static int severity(String css) {
        return switch (css) {
            case "d-down" -> 5;
            case "d-part" -> 4;
            case "d-deg" -> 3;
            case "d-maint" -> 2;
            case "d-up" -> 1;
            default -> 0;
        };
    }

    /** Uptime over the days in the window, as text; "no data" when none was observed. */
    static String overall(List<DailyUptime> days, LocalDate today, UiStrings t) {
        LocalDate first = today.minusDays(PageData.UPTIME_DAYS - 1L);
        long observed = 0;
        long outage = 0;
        for (DailyUptime day : days) {
            if (day.day().isBefore(first) || day.day().isAfter(today)) continue;
            observed += day.observedSeconds();
            outage += day.outageSeconds();
        }
        return observed == 0 ? t.get("uptime.noData") : t.format("uptime.percent", percent((double) (observed - outage) / observed));
    }

    /** Two decimals, rounded down so 99.999% never claims 100.00%. */
    static String percent(double ratio) {
        double floored = Math.floor(ratio * 10_000) / 100;
        return String.format(Locale.ROOT, "%.2f", floored);
    }

    private static String css(DailyUptime day) {
        if (day.outageSeconds() > 0) return day.uptimeRatio() < DOWN_BELOW ? "d-down" : "d-part";
        if (day.degradedSeconds() > 0) return "d-deg";
        if (day.maintenanceSeconds() > 0) return "d-maint";
        return "d-up";
    }
}
