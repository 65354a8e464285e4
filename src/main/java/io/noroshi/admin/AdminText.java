package io.noroshi.admin;

import io.noroshi.component.ComponentStatus;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.statuspage.UiStrings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the admin pages in one language, from {@code i18n/admin_<lang>.properties} (UTF-8): one key a
 * text, English and Japanese. Status and impact names are the public site's ({@code i18n/statuspage_<lang>}),
 * so an operator reads on the admin page the very word the public reads. Loaded once, never per render.
 */
public final class AdminText {

    /** The languages the admin pages speak; the first is the default. */
    public static final List<String> LANGUAGES = List.of("en", "ja");

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)}");
    /** A refusal about one field, as the API words it: {@code body: is required}. */
    private static final Pattern FIELD_PREFIX = Pattern.compile("([A-Za-z_][\\w.\\[\\]]*): (.+)", Pattern.DOTALL);

    // after the patterns above: building the two languages uses them
    private static final Map<String, AdminText> BY_LANG = Map.of("en", new AdminText("en"), "ja", new AdminText("ja"));

    private final String lang;
    private final Properties words;
    private final UiStrings publicWords;
    /** English refusal messages ({@code error.*} keys of the English bundle) as patterns, with their key. */
    private final List<Map.Entry<Pattern, String>> refusals = new ArrayList<>();

    private AdminText(String lang) {
        this.lang = lang;
        this.words = load(lang);
        this.publicWords = UiStrings.load(lang);
        Properties english = lang.equals("en") ? words : load("en");
        // the longest English text first: "…; allowed now: {3} (reopen it…)" before "…; allowed now: {3}"
        english.stringPropertyNames().stream().filter(key -> key.startsWith("error."))
                .sorted(java.util.Comparator.comparingInt((String key) -> -english.getProperty(key).length()).thenComparing(key -> key))
                .forEach(key -> refusals.add(Map.entry(pattern(english.getProperty(key)), key)));
    }

    static Properties load(String lang) {
        String name = "/i18n/admin_" + lang + ".properties";
        try (InputStream in = AdminText.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("no admin words for language '" + lang + "': " + name + " is missing");
            var p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** The words in {@code lang} ({@code en} or {@code ja}; anything else reads English). */
    public static AdminText in(String lang) {
        return BY_LANG.getOrDefault(lang, BY_LANG.get("en"));
    }

    public String lang() {
        return lang;
    }

    /** The language the switch on every page offers: the one this page is not in. */
    public String other() {
        return lang.equals("ja") ? "en" : "ja";
    }

    /** The public site's words in this language (relative times, status names). */
    public UiStrings publicWords() {
        return publicWords;
    }

    /** The text of {@code key}; a missing key shows as itself so the gap is visible (a test reads every key in both languages). */
    public String t(String key) {
        return words.getProperty(key, key);
    }

    /** The text of {@code key} with {@code args} in place of {0}, {1}... */
    public String t(String key, Object... args) {
        String text = t(key);
        for (int i = 0; i < args.length; i++) text = text.replace("{" + i + "}", String.valueOf(args[i]));
        return text;
    }

    /** Whether {@code key} has a text (titles that are names, not keys, show as they are). */
    public boolean has(String key) {
        return words.getProperty(key) != null;
    }

    public String status(ComponentStatus status) {
        return publicWords.component(status);
    }

    public String status(IncidentStatus status) {
        return publicWords.get("incident." + status.wire());
    }

    public String impact(Impact impact) {
        return publicWords.get("impact." + impact.wire());
    }

    /** A maintenance's status as the public page words it. */
    public String maintenanceStatus(String wire) {
        return publicWords.get("maintenance." + wire);
    }

    /** An update's status (incident or maintenance). */
    public String updateStatus(String wire) {
        return publicWords.updateStatus(wire);
    }

    /** Any other wire name in words ({@code word.<wire>}); English falls back to the wire name spelled out. */
    public String words(String wire) {
        if (wire == null || wire.isEmpty()) return "";
        String key = "word." + wire;
        return has(key) ? t(key) : AdminWords.words(wire);
    }

    /**
     * A refusal (written in English for the API) in this language: matched against the English {@code error.*}
     * texts, its arguments carried over. One this page does not know stays English rather than vanish.
     */
    public String refusal(String english) {
        if (english == null || lang.equals("en")) return english;
        StringBuilder out = new StringBuilder();
        for (String line : english.split("\n", -1)) {
            if (!out.isEmpty()) out.append('\n');
            out.append(refusalLine(line));
        }
        return out.toString();
    }

    private String refusalLine(String line) {
        if (line.contains(" — ")) {
            var joined = new StringBuilder();
            for (String part : line.split(" — ", -1)) joined.append(joined.isEmpty() ? "" : " — ").append(refusalLine(part));
            return joined.toString();
        }
        String whole = known(line);
        if (whole != null) return whole;
        Matcher field = FIELD_PREFIX.matcher(line);
        if (field.matches()) {
            String rest = known(field.group(2));
            if (rest != null) return field.group(1) + ": " + rest;
        }
        return line;
    }

    private String known(String text) {
        for (var refusal : refusals) {
            Matcher m = refusal.getKey().matcher(text);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    String inner = known(m.group(i + 1)); // "<refusal>; choose one below"
                    args[i] = inner != null ? inner : m.group(i + 1);
                }
                return t(refusal.getValue(), args);
            }
        }
        return null;
    }

    /** {@code "is longer than {0} characters"} as a pattern that captures {0}. */
    private static Pattern pattern(String english) {
        var regex = new StringBuilder();
        Matcher m = ARGUMENT.matcher(english);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(english.substring(at, m.start()))).append("(.+?)");
            at = m.end();
        }
        regex.append(Pattern.quote(english.substring(at)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
