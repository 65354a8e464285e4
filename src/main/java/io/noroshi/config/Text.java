package io.noroshi.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A text a person reads, in one or more languages ({@code en}, {@code ja}). In YAML either a plain
 * string (the same in every language) or a map {@code {en: ..., ja: ...}}.
 */
public record Text(Map<String, String> byLanguage) {

    public static final Text EMPTY = new Text(Map.of());

    public Text {
        byLanguage = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(byLanguage, "byLanguage")));
    }

    public static Text of(String any) {
        return any == null || any.isEmpty() ? EMPTY : new Text(Map.of("*", any));
    }

    public static Text of(String en, String ja) {
        var map = new LinkedHashMap<String, String>();
        if (en != null && !en.isEmpty()) map.put("en", en);
        if (ja != null && !ja.isEmpty()) map.put("ja", ja);
        return new Text(map);
    }

    /** The text in {@code language}, else English, else any language given, else "". */
    public String in(String language) {
        String exact = byLanguage.get(language);
        if (exact != null) return exact;
        String any = byLanguage.get("*");
        if (any != null) return any;
        String en = byLanguage.get("en");
        if (en != null) return en;
        return byLanguage.values().stream().findFirst().orElse("");
    }

    /** True when this text has its own wording for {@code language} (not a fallback). */
    public boolean has(String language) {
        return byLanguage.containsKey(language) || byLanguage.containsKey("*");
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }
}
