package io.noroshi.audit.inventory;

import io.noroshi.audit.AuditInputException;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Service;
import io.noroshi.config.Site;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Draws an inventory as server-rendered SVG: one column per site that runs something, one box per service in
 * each site it runs in, lines for depends_on; with a failing site or shared part, what it takes down is
 * highlighted. A pure function of its inputs; every text from the config is XML-escaped.
 */
public final class BlastRadiusDiagram {

    private static final int COLUMN = 230;
    private static final int BOX_W = 200;
    private static final int BOX_H = 40;
    private static final int GAP = 14;
    private static final int TOP = 90;
    /** Characters of 12px sans-serif that fit in a box, regular and bold. */
    private static final int BOX_CHARS = 31;
    private static final int BOX_CHARS_BOLD = 28;
    /** Roughly how wide a character of the 15px title is, to make room for the whole title. */
    private static final int TITLE_CHAR_W = 9;

    private record Box(Service service, Service.Endpoint endpoint, int x, int y) {
    }

    /** The SVG document; {@code failing} names a site or shared part id, or is empty for no highlight. */
    public String render(NoroshiConfig config, Optional<String> failing) {
        var domains = new FailureDomains(config);
        Optional<BlastRadius> radius = failing.map(id -> new BlastRadii(config, domains, VantagePoint.fromConfig(config))
                .of(domains.find(id).orElseThrow(() -> new AuditInputException("no site or shared part '" + id + "'"))));
        Map<String, List<Box>> columns = new LinkedHashMap<>();
        for (Site site : config.sites()) columns.put(site.id(), new ArrayList<>());
        Map<String, Box> firstBox = new LinkedHashMap<>();
        for (Service service : config.services()) {
            for (Service.Endpoint endpoint : service.endpoints()) {
                List<Box> column = columns.computeIfAbsent(endpoint.site(), k -> new ArrayList<>());
                if (column.stream().anyMatch(b -> b.service() == service)) continue;
                int index = new ArrayList<>(columns.keySet()).indexOf(endpoint.site());
                var box = new Box(service, endpoint, 20 + index * COLUMN, TOP + column.size() * (BOX_H + GAP));
                column.add(box);
                firstBox.putIfAbsent(service.id(), box);
            }
        }
        columns.values().removeIf(List::isEmpty);
        relayout(columns, firstBox);
        int rows = columns.values().stream().mapToInt(List::size).max().orElse(0);
        int width = Math.max(Math.max(460, 40 + columns.size() * COLUMN), 40 + title(config, radius).length() * TITLE_CHAR_W);
        int height = TOP + rows * (BOX_H + GAP) + 60;
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<title>").append(escape(title(config, radius))).append("</title>\n");
        svg.append("<text x=\"20\" y=\"24\" font-size=\"15\" font-weight=\"bold\">").append(escape(title(config, radius))).append("</text>\n");
        int index = 0;
        for (var column : columns.entrySet()) {
            Site site = config.site(column.getKey()).orElse(null);
            boolean failed = radius.isPresent() && domains.ancestorsOf(column.getKey()).contains(radius.get().failed().id());
            int x = 10 + index++ * COLUMN;
            svg.append("<rect class=\"site").append(failed ? " failed" : "").append("\" x=\"").append(x).append("\" y=\"40\" width=\"")
                    .append(COLUMN - 10).append("\" height=\"").append(height - 50).append("\" rx=\"8\" fill=\"").append(failed ? "#fde2e2" : "#f4f6f8")
                    .append("\" stroke=\"").append(failed ? "#c0392b" : "#c8ced4").append("\"/>\n");
            String name = site == null ? column.getKey() : site.name().in("en");
            String parent = site == null ? "" : site.parent().flatMap(config::site).map(p -> "in " + p.name().in("en")).orElse("");
            svg.append("<g class=\"site-label\"><title>").append(escape(parent.isEmpty() ? name : name + "\n" + parent)).append("</title>");
            svg.append("<text x=\"").append(x + 10).append("\" y=\"60\" font-weight=\"bold\">").append(escape(fit(name, BOX_CHARS_BOLD + 2))).append("</text>");
            svg.append("<text x=\"").append(x + 10).append("\" y=\"76\" fill=\"#555\">").append(escape(fit(parent, BOX_CHARS + 2))).append("</text></g>\n");
        }
        for (List<Box> column : columns.values()) {
            for (Box box : column) {
                for (String dependency : box.service().dependsOn()) {
                    Box target = firstBox.get(dependency);
                    if (target == null) continue;
                    svg.append("<line class=\"depends-on\" x1=\"").append(box.x() + BOX_W / 2).append("\" y1=\"").append(box.y() + BOX_H)
                            .append("\" x2=\"").append(target.x() + BOX_W / 2).append("\" y2=\"").append(target.y())
                            .append("\" stroke=\"#8795a1\" stroke-dasharray=\"4 3\"/>\n");
                }
            }
        }
        for (List<Box> column : columns.values()) for (Box box : column) box(svg, box, radius);
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Place boxes after columns without services were dropped, so no gap is left where they were. */
    private static void relayout(Map<String, List<Box>> columns, Map<String, Box> firstBox) {
        int index = 0;
        for (var column : columns.entrySet()) {
            List<Box> placed = new ArrayList<>();
            for (int row = 0; row < column.getValue().size(); row++) {
                Box old = column.getValue().get(row);
                Box box = new Box(old.service(), old.endpoint(), 20 + index * COLUMN, TOP + row * (BOX_H + GAP));
                placed.add(box);
                if (firstBox.get(old.service().id()) == old) firstBox.put(old.service().id(), box);
            }
            column.setValue(placed);
            index++;
        }
    }

    private static void box(StringBuilder svg, Box box, Optional<BlastRadius> radius) {
        String state = radius.map(r -> state(r, box.service().id())).orElse("up");
        String fill = switch (state) {
            case "down" -> "#f8b4b4";
            case "down-through-dependency" -> "#fbd5a5";
            case "degraded" -> "#fff3b0";
            default -> "#e6f4ea";
        };
        String name = box.service().name().in("en");
        String detail = box.service().kind().name().toLowerCase(Locale.ROOT) + " · " + box.endpoint().label()
                + (box.endpoint().sharedParts().isEmpty() ? "" : " · " + String.join(", ", box.endpoint().sharedParts()));
        // the box does not grow with its text: what does not fit is cut, and the whole text is the tooltip
        svg.append("<g class=\"service ").append(state).append("\" data-service=\"").append(escape(box.service().id())).append("\">")
                .append("<title>").append(escape(name + "\n" + detail)).append("</title>")
                .append("<rect x=\"").append(box.x()).append("\" y=\"").append(box.y()).append("\" width=\"").append(BOX_W)
                .append("\" height=\"").append(BOX_H).append("\" rx=\"5\" fill=\"").append(fill).append("\" stroke=\"#445\"/>")
                .append("<text x=\"").append(box.x() + 8).append("\" y=\"").append(box.y() + 16).append("\" font-weight=\"bold\">")
                .append(escape(fit(name, BOX_CHARS_BOLD))).append("</text>")
                .append("<text x=\"").append(box.x() + 8).append("\" y=\"").append(box.y() + 32).append("\" fill=\"#444\">")
                .append(escape(fit(detail, BOX_CHARS))).append("</text></g>\n");
    }

    private static String state(BlastRadius radius, String service) {
        for (ServiceLoss loss : radius.down()) {
            if (loss.service().equals(service)) return loss.direct() ? "down" : "down-through-dependency";
        }
        return radius.degraded().contains(service) ? "degraded" : "up";
    }

    private static String title(NoroshiConfig config, Optional<BlastRadius> radius) {
        String page = config.page().name();
        return radius.map(r -> page + ": if " + r.failed().name() + " fails, " + r.down().size() + " service(s) go down; status page "
                + (r.canPublishStatus() ? "survives" : "is down") + ", customers " + (r.canReachCustomers() ? "reachable" : "unreachable"))
                .orElse(page + ": sites, services and dependencies");
    }

    /** The text, or as much as fits in {@code chars} Latin characters with an ellipsis; a CJK character counts as two. */
    static String fit(String text, int chars) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            used += cp >= 0x2E80 ? 2 : 1;
            if (used > chars - 1) break;
            end += Character.charCount(cp);
        }
        if (end == text.length()) return text;
        int whole = text.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
        return whole <= chars ? text : text.substring(0, end) + "…";
    }

    /** XML-escapes text for element content and attribute values alike. */
    static String escape(String text) {
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
