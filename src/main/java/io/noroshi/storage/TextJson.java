package io.noroshi.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.config.Text;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Stores a {@link Text} as a JSON object {@code {"en": "...", "ja": "..."}} in a TEXT column and reads
 * it back equal, whatever the characters (quotes, backslashes, NUL, markup, emoji). The {@code "*"}
 * key (same text in every language) is kept as is.
 */
final class TextJson {

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * The JSON for {@code text}.
     *
     * @throws IllegalArgumentException when a language or text holds a lone UTF-16 surrogate: that is
     *                                  not Unicode, cannot be written as UTF-8 and would come back as
     *                                  '?', so it is refused rather than stored changed
     */
    String write(Text text) {
        text.byLanguage().forEach((language, value) -> {
            requireWellFormed(language, language);
            requireWellFormed(value, language);
        });
        try {
            return mapper.writeValueAsString(text.byLanguage());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode text as JSON", e);
        }
    }

    Text read(String json) {
        try {
            Map<String, String> map = mapper.readValue(json, MAP);
            return new Text(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored text is not a JSON object of strings: " + e.getOriginalMessage(), e);
        }
    }

    private static void requireWellFormed(String value, String language) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("text for language '" + language.replaceAll("\\p{Cs}", "?")
                        + "' is not valid Unicode: lone surrogate U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + " at index " + i);
            }
        }
    }
}
