package io.noroshi.subscriber;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Subscribers as CSV: {@code address,kind,lang,components} with a header line; components separated by spaces.
 * Import refuses each broken row by its line number and keeps the others.
 */
public final class SubscriberCsv {

    public static final String HEADER = "address,kind,lang,components";

    private SubscriberCsv() {
    }

    public record Row(Subscriber.Kind kind, String address, String lang, List<String> components) {
    }

    public record Refused(int line, String reason) {
    }

    public record Parsed(List<Row> rows, List<Refused> refused) {
    }

    /**
     * @param self    the hub's public URL and port, refused as webhook targets
     */
    public static Parsed parse(String csv, List<String> languages, Set<String> components, URI self, int hubPort) {
        var rows = new ArrayList<Row>();
        var refused = new ArrayList<Refused>();
        String[] lines = csv.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i];
            if (line.isBlank() || (i == 0 && line.strip().toLowerCase(Locale.ROOT).startsWith("address,"))) continue;
            List<String> fields = fields(line);
            if (fields == null) {
                refused.add(new Refused(number, "an unterminated quote"));
                continue;
            }
            if (fields.size() < 1 || fields.size() > 4) {
                refused.add(new Refused(number, "expected 1 to 4 fields (address,kind,lang,components), found " + fields.size()));
                continue;
            }
            String kindText = fields.size() > 1 && !fields.get(1).isBlank() ? fields.get(1).strip().toLowerCase(Locale.ROOT) : "email";
            Subscriber.Kind kind;
            if (kindText.equals("email")) kind = Subscriber.Kind.EMAIL;
            else if (kindText.equals("webhook")) kind = Subscriber.Kind.WEBHOOK;
            else {
                refused.add(new Refused(number, "kind must be email or webhook, not '" + kindText + "'"));
                continue;
            }
            Optional<String> address = kind == Subscriber.Kind.EMAIL ? Addresses.email(fields.get(0))
                    : Addresses.webhook(fields.get(0), self, hubPort).map(URI::toString);
            if (address.isEmpty()) {
                refused.add(new Refused(number, kind == Subscriber.Kind.EMAIL ? "not an e-mail address"
                        : "not an http(s) URL, or one pointing at this hub"));
                continue;
            }
            String lang = fields.size() > 2 && !fields.get(2).isBlank() ? fields.get(2).strip() : "en";
            if (!languages.contains(lang)) {
                refused.add(new Refused(number, "language must be one of " + languages + ", not '" + lang + "'"));
                continue;
            }
            List<String> scope = fields.size() > 3 ? Arrays.stream(fields.get(3).strip().split("[\\s;]+")).filter(s -> !s.isEmpty()).toList()
                    : List.of();
            var unknown = scope.stream().filter(c -> !components.contains(c)).toList();
            if (!unknown.isEmpty()) {
                refused.add(new Refused(number, "unknown component(s) " + unknown));
                continue;
            }
            rows.add(new Row(kind, address.get(), lang, scope));
        }
        return new Parsed(rows, refused);
    }

    /** The fields of one line; null when a quote is not closed. */
    private static List<String> fields(String line) {
        var out = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) return null;
        out.add(field.toString());
        return out;
    }

    public static String line(Subscriber s) {
        return quote(s.address()) + "," + s.kind().wire() + "," + s.lang() + "," + String.join(" ", s.components());
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
