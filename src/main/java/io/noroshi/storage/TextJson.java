package io.noroshi.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.config.Text;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores a {@link Text} as a JSON object {@code {"en": "...", "ja": "..."}} in a TEXT column and reads
 * it back equal, whatever the characters. The {@code "*"} key (same text in every language) is kept
 * as is.
 */
final class TextJson {

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper();

    TextJson() {
        mapper.getFactory().setCharacterEscapes(new SurrogateEscapes());
    }

    String write(Text text) {
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

    /**
     * Writes UTF-16 surrogates as \\uXXXX escapes. A lone surrogate cannot be encoded in UTF-8, so
     * both JDBC drivers would silently turn it into '?'; escaped, the column is plain ASCII there and
     * the text comes back unchanged. Everything else (Japanese included) stays readable in the file.
     */
    private static final class SurrogateEscapes extends CharacterEscapes {
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (!Character.isSurrogate((char) ch)) {
                return null;
            }
            return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
        }
    }
}
