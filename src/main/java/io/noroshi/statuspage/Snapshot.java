package io.noroshi.statuspage;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The whole public site at one moment, keyed by public path. Pages exist per language: the
 * default language at its plain path ({@code /}, {@code /incidents/ID}, {@code /history/2}),
 * others under a language prefix ({@code /ja/}, {@code /ja/incidents/ID}). Paths map onto files
 * one to one, so a snapshot can also be written to a static mirror.
 */
public record Snapshot(Instant generatedAt, String defaultLanguage, Map<String, Resource> resources) {

    public Snapshot {
        resources = Map.copyOf(resources);
    }

    public Optional<Resource> find(String path) {
        return Optional.ofNullable(resources.get(path));
    }
}
