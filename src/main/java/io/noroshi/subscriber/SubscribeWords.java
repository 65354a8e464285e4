package io.noroshi.subscriber;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** The words of the subscribe pages ({@code i18n/subscribe_*.properties}). */
final class SubscribeWords {

    private static final Map<String, Properties> BY_LANG = Map.of("en", load("en"), "ja", load("ja"));

    private SubscribeWords() {
    }

    static String get(String lang, String key) {
        Properties p = BY_LANG.getOrDefault(lang, BY_LANG.get("en"));
        String value = p.getProperty(key);
        if (value == null) throw new IllegalStateException("i18n/subscribe_" + lang + ".properties has no " + key);
        return value;
    }

    private static Properties load(String lang) {
        try (InputStream in = SubscribeWords.class.getResourceAsStream("/i18n/subscribe_" + lang + ".properties")) {
            var p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
