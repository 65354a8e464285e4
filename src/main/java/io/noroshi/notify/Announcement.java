package io.noroshi.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one notice says, in every language the page speaks, as it is stored in the outbox beside its deliveries.
 * A delivery turns it into the {@link Notice} of its reader's language.
 *
 * @param components the components it is about: subscribers scoped to others do not get it (empty: everyone)
 */
public record Announcement(Notice.Event event, String target, String pageName, String impact, URI link, List<String> components,
                           Map<String, Words> words, Optional<String> webhookJson, Instant at) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Announcement {
        components = List.copyOf(components);
        words = Map.copyOf(words);
    }

    /** The headline, the status shown to readers (may be empty) and the text, in one language. */
    public record Words(String title, String status, String body) {
    }

    public Notice notice(String lang, Optional<URI> manageLink) {
        Words w = words.getOrDefault(lang, words.getOrDefault("en", words.values().iterator().next()));
        return new Notice(event, lang, pageName, w.title(), w.status().isEmpty() ? Optional.empty() : Optional.of(w.status()), impact,
                w.body(), link, at, webhookJson, manageLink);
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("event", event.name());
        root.put("target", target);
        root.put("page", pageName);
        root.put("impact", impact);
        root.put("link", link.toString());
        root.put("at", at.toString());
        components.forEach(root.putArray("components")::add);
        if (components.isEmpty()) root.putArray("components");
        ObjectNode texts = root.putObject("words");
        words.forEach((lang, w) -> texts.putObject(lang).put("title", w.title()).put("status", w.status()).put("body", w.body()));
        webhookJson.ifPresent(j -> root.put("webhook", j));
        return root.toString();
    }

    static Announcement fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            var components = new java.util.ArrayList<String>();
            root.path("components").forEach(c -> components.add(c.asText()));
            var words = new LinkedHashMap<String, Words>();
            root.path("words").properties().forEach(e -> words.put(e.getKey(),
                    new Words(e.getValue().path("title").asText(), e.getValue().path("status").asText(), e.getValue().path("body").asText())));
            return new Announcement(Notice.Event.valueOf(root.path("event").asText()), root.path("target").asText(), root.path("page").asText(),
                    root.path("impact").asText(), URI.create(root.path("link").asText()), components, words,
                    root.hasNonNull("webhook") ? Optional.of(root.path("webhook").asText()) : Optional.empty(),
                    Instant.parse(root.path("at").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("a stored notice is not valid JSON: " + e.getMessage(), e);
        }
    }
}
