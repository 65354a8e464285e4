package io.noroshi.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noroshi.config.Text;
import io.noroshi.web.ApiErrors.BadRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A JSON object from a request, read strictly: unknown fields, wrong types, empty or too long texts
 * are refused with a {@link BadRequest} naming the JSON path ({@code affected_components[1].status}).
 */
public final class Payload {

    /** Longest text accepted in one language. */
    public static final int MAX_TEXT = 10_000;
    /** Largest request body accepted, in characters. */
    public static final int MAX_BODY = 100_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode node;
    private final String path;

    private Payload(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Parses a request body that must be a JSON object whose fields are all in {@code allowed}. */
    public static Payload parse(String body, Set<String> allowed) {
        if (body == null || body.isBlank()) return new Payload(MAPPER.createObjectNode(), "");
        if (body.length() > MAX_BODY) throw new BadRequest("", "request body is longer than " + MAX_BODY + " characters");
        JsonNode parsed;
        try {
            parsed = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequest("", syntaxError(e));
        }
        if (!(parsed instanceof ObjectNode object)) throw new BadRequest("", "request body must be a JSON object");
        return new Payload(object, "").only(allowed);
    }

    /**
     * What is wrong and where, in the client's terms: line and column, and the character or word
     * that did not fit. Jackson's own text names its internals (token types, char codes, parser state).
     */
    static String syntaxError(JsonProcessingException e) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        var unexpected = UNEXPECTED_CHARACTER.matcher(detail);
        var word = UNRECOGNIZED_TOKEN.matcher(detail);
        if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException) what = "it ends before the JSON is complete";
        else if (unexpected.find()) what = "unexpected " + (unexpected.group(1).isBlank() ? "control character" : "'" + unexpected.group(1) + "'");
        else if (word.find()) what = "unexpected word '" + word.group(1) + "' (strings need double quotes)";
        else if (detail.contains("Illegal unquoted character")) what = "a control character inside a string (escape it, e.g. \\n)";
        else what = "it does not follow the JSON syntax";
        return "request body is not valid JSON" + where + ": " + what;
    }

    private static final java.util.regex.Pattern UNEXPECTED_CHARACTER = java.util.regex.Pattern.compile("^Unexpected character \\('(.*?)' \\(code");
    private static final java.util.regex.Pattern UNRECOGNIZED_TOKEN = java.util.regex.Pattern.compile("^Unrecognized token '(.{0,40}?)'");

    private Payload only(Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new BadRequest(at(name), "unknown field '" + name + "'; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
        return this;
    }

    public boolean has(String name) {
        return node.hasNonNull(name);
    }

    public String string(String name, String fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return fallback;
        if (!value.isTextual()) throw new BadRequest(at(name), "must be a string");
        if (value.asText().length() > MAX_TEXT) throw new BadRequest(at(name), "is longer than " + MAX_TEXT + " characters");
        return value.asText();
    }

    public String requiredString(String name) {
        String value = string(name, null);
        if (value == null || value.isBlank()) throw new BadRequest(at(name), "is required");
        return value;
    }

    /** Converts a string field with {@code parse}; an IllegalArgumentException becomes a 400 naming the field. */
    public <T> T choice(String name, T fallback, Function<String, T> parse, String expected) {
        String value = string(name, null);
        if (value == null) return fallback;
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(at(name), "must be one of " + expected + ", not '" + value + "'");
        }
    }

    public <T> T requiredChoice(String name, Function<String, T> parse, String expected) {
        if (!has(name)) throw new BadRequest(at(name), "is required (" + expected + ")");
        return choice(name, null, parse, expected);
    }

    /** A string, number or boolean field as text; empty when absent. */
    public java.util.Optional<String> scalar(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return java.util.Optional.empty();
        if (!value.isValueNode()) throw new BadRequest(at(name), "must be a string, number or boolean");
        if (value.asText().length() > MAX_TEXT) throw new BadRequest(at(name), "is longer than " + MAX_TEXT + " characters");
        return java.util.Optional.of(value.asText());
    }

    public boolean bool(String name, boolean fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return fallback;
        if (!value.isBoolean()) throw new BadRequest(at(name), "must be true or false");
        return value.asBoolean();
    }

    public Instant instant(String name) {
        String value = requiredString(name);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest(at(name), "must be an ISO-8601 time such as 2026-03-01T09:00:00Z, not '" + value + "'");
        }
    }

    /** A text: a plain string (every language) or {@code {"en": ..., "ja": ...}}; empty when absent. */
    public Text text(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return Text.EMPTY;
        if (value.isTextual()) return checked(Text.of(value.asText().strip()), at(name));
        if (!(value instanceof ObjectNode object)) throw new BadRequest(at(name), "must be a string or an object {\"en\": ..., \"ja\": ...}");
        var byLanguage = new LinkedHashMap<String, String>();
        for (var fields = object.fields(); fields.hasNext(); ) {
            var field = fields.next();
            String where = at(name) + "." + field.getKey();
            if (!Set.of("en", "ja").contains(field.getKey())) throw new BadRequest(where, "unknown language; use en or ja");
            if (!field.getValue().isTextual()) throw new BadRequest(where, "must be a string");
            if (!field.getValue().asText().isBlank()) byLanguage.put(field.getKey(), field.getValue().asText().strip());
        }
        return checked(new Text(byLanguage), at(name));
    }

    private static Text checked(Text text, String where) {
        text.byLanguage().forEach((language, value) -> {
            String at = "*".equals(language) ? where : where + "." + language;
            if (value.length() > MAX_TEXT) throw new BadRequest(at, "is longer than " + MAX_TEXT + " characters");
            // the store refuses text that is not Unicode; say so here, with the field, instead of a 500
            if (value.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                throw new BadRequest(at, "is not valid Unicode (a lone surrogate)");
            }
        });
        return text;
    }

    /** A list of objects, each read by {@code read} with its own path ({@code name[i]}), fields limited to {@code allowed}. */
    public <T> List<T> objects(String name, Set<String> allowed, Function<Payload, T> read) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return List.of();
        if (!value.isArray()) throw new BadRequest(at(name), "must be a list");
        var out = new ArrayList<T>();
        for (int i = 0; i < value.size(); i++) {
            String where = at(name) + "[" + i + "]";
            if (!(value.get(i) instanceof ObjectNode object)) throw new BadRequest(where, "must be an object");
            out.add(read.apply(new Payload(object, where).only(allowed)));
        }
        return out;
    }

    public List<String> strings(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return List.of();
        if (!value.isArray()) throw new BadRequest(at(name), "must be a list of strings");
        var out = new ArrayList<String>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) throw new BadRequest(at(name) + "[" + i + "]", "must be a string");
            out.add(value.get(i).asText());
        }
        return out;
    }

    private String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
