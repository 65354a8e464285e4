package io.noroshi.statuspage.badge;

import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Component;
import io.noroshi.statuspage.OverallStatus;
import io.noroshi.statuspage.SiteFacts;
import io.noroshi.statuspage.feed.Xml;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shields-style two-part SVG badges: {@code /badge.svg} for the page, {@code /badge/ID.svg} per
 * component. The words carry the status, the colour only repeats it.
 */
public final class StatusBadge {

    private static final String GREEN = "#1a7f37";
    private static final String YELLOW = "#9a6700";
    private static final String ORANGE = "#bc4c00";
    private static final String RED = "#cf222e";
    private static final String BLUE = "#0969da";
    private static final String LABEL_GREY = "#555";

    /** Body bytes by public path. Words are English like the API, so badges read the same everywhere. */
    public Map<String, byte[]> render(SiteFacts facts) {
        var files = new LinkedHashMap<String, byte[]>();
        OverallStatus overall = facts.overall();
        files.put("/badge.svg", svg("status", message(overall), colour(overall)));
        String language = facts.page().defaultLanguage();
        for (Component component : facts.data().config().components()) {
            ComponentStatus status = facts.layout().statusOf(component.id());
            files.put("/badge/" + component.id() + ".svg", svg(component.name().in(language), message(status), colour(status)));
        }
        return files;
    }

    static String message(OverallStatus status) {
        return switch (status) {
            case NONE -> "operational";
            case MINOR -> "minor outage";
            case MAJOR -> "partial outage";
            case CRITICAL -> "major outage";
            case MAINTENANCE -> "maintenance";
        };
    }

    static String message(ComponentStatus status) {
        return status.wire().replace('_', ' ');
    }

    private static String colour(OverallStatus status) {
        return switch (status) {
            case NONE -> GREEN;
            case MINOR -> YELLOW;
            case MAJOR -> ORANGE;
            case CRITICAL -> RED;
            case MAINTENANCE -> BLUE;
        };
    }

    private static String colour(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> GREEN;
            case DEGRADED_PERFORMANCE -> YELLOW;
            case PARTIAL_OUTAGE -> ORANGE;
            case MAJOR_OUTAGE -> RED;
            case UNDER_MAINTENANCE -> BLUE;
        };
    }

    static byte[] svg(String label, String message, String colour) {
        int left = width(label);
        int right = width(message);
        int total = left + right;
        String l = Xml.escape(label);
        String m = Xml.escape(message);
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + total + "\" height=\"20\" role=\"img\" aria-label=\""
                + l + ": " + m + "\">"
                + "<title>" + l + ": " + m + "</title>"
                + "<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>"
                + "<stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
                + "<clipPath id=\"r\"><rect width=\"" + total + "\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>"
                + "<g clip-path=\"url(#r)\"><rect width=\"" + left + "\" height=\"20\" fill=\"" + LABEL_GREY + "\"/>"
                + "<rect x=\"" + left + "\" width=\"" + right + "\" height=\"20\" fill=\"" + colour + "\"/>"
                + "<rect width=\"" + total + "\" height=\"20\" fill=\"url(#s)\"/></g>"
                + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">"
                + "<text x=\"" + left / 2.0 + "\" y=\"14\">" + l + "</text>"
                + "<text x=\"" + (left + right / 2.0) + "\" y=\"14\">" + m + "</text></g></svg>";
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    /** Approximate Verdana 11px advance: wide (CJK) characters take about twice a Latin one. */
    static int width(String text) {
        double px = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            px += Character.isIdeographic(cp) || (cp >= 0x3000 && cp <= 0xFFEF) ? 11.5 : cp == ' ' ? 3.9 : 7.0;
            i += Character.charCount(cp);
        }
        return (int) Math.ceil(px) + 12;
    }
}
