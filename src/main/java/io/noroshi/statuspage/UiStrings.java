package io.noroshi.statuspage;

import io.noroshi.component.ComponentStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The fixed words of the public site in one language, from {@code i18n/statuspage_<lang>.properties}
 * (UTF-8). Loaded once when the renderer is built, never per render.
 *
 * @param language the language tag, e.g. {@code ja}
 * @param strings  message by key; {@code {0}}, {@code {1}} mark arguments
 */
public record UiStrings(String language, Map<String, String> strings) {

    public UiStrings {
        strings = Map.copyOf(strings);
    }

    /** Reads the strings of {@code language}; fails when the file is missing, since a page without words is no page. */
    public static UiStrings load(String language) {
        String name = "i18n/statuspage_" + language + ".properties";
        try (InputStream in = UiStrings.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("no UI strings for language '" + language + "': " + name + " is missing");
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            var map = new HashMap<String, String>();
            for (String key : properties.stringPropertyNames()) map.put(key, properties.getProperty(key));
            return new UiStrings(language, map);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** The message for {@code key}; a missing key shows as itself so the gap is visible, not fatal. */
    public String get(String key) {
        return strings.getOrDefault(key, key);
    }

    /** The message for {@code key} with {@code {0}}, {@code {1}}... replaced by {@code args}. */
    public String format(String key, Object... args) {
        String text = get(key);
        for (int i = 0; i < args.length; i++) text = text.replace("{" + i + "}", String.valueOf(args[i]));
        return text;
    }

    public String component(ComponentStatus status) {
        return get("component." + status.wire());
    }

    public String overall(OverallStatus status) {
        return get("overall." + status.indicator());
    }

    /** An update's status word; incident and maintenance statuses share one namespace on updates. */
    public String updateStatus(String wire) {
        String incident = strings.get("incident." + wire);
        return incident != null ? incident : get("maintenance." + wire);
    }

    public DateTimeFormatter dateTimeFormat() {
        return DateTimeFormatter.ofPattern(get("format.dateTime"), Locale.forLanguageTag(language));
    }

    public DateTimeFormatter dateFormat() {
        return DateTimeFormatter.ofPattern(get("format.date"), Locale.forLanguageTag(language));
    }
}
