package io.noroshi.comms;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** The words of the first-notice drafts page in one language ({@code i18n/comms_drafts_<lang>.properties}). */
public final class DraftWords {

    private static final Map<String, DraftWords> BY_LANG = Map.of("en", new DraftWords("en"), "ja", new DraftWords("ja"));

    private final String lang;
    private final Properties words = new Properties();

    private DraftWords(String lang) {
        this.lang = lang;
        try (InputStream in = DraftWords.class.getResourceAsStream("/i18n/comms_drafts_" + lang + ".properties")) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page in {@code lang} ({@code en} or {@code ja}; anything else reads English). */
    public static DraftWords in(String lang) {
        return BY_LANG.getOrDefault(lang, BY_LANG.get("en"));
    }

    public String lang() {
        return lang;
    }

    /** @throws IllegalStateException when the bundle lacks {@code key} (a test reads every key in both languages) */
    public String get(String key) {
        String value = words.getProperty(key);
        if (value == null) throw new IllegalStateException("i18n/comms_drafts_" + lang + ".properties has no " + key);
        return value;
    }

    /** {@code key}'s words with {@code args} in place of {0}, {1}... */
    public String get(String key, Object... args) {
        String value = get(key);
        for (int i = 0; i < args.length; i++) value = value.replace("{" + i + "}", String.valueOf(args[i]));
        return value;
    }
}
