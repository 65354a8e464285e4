package io.noroshi.statuspage;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole public site at one moment, keyed by public path. Pages exist per language: the
 * default language at its plain path ({@code /}, {@code /incidents/ID}, {@code /history/2}),
 * others under a language prefix ({@code /ja/}, {@code /ja/incidents/ID}). Paths map onto files
 * one to one, so a snapshot can also be written to a static mirror ({@link #paths()} with
 * {@link #find}).
 *
 * @param resources the files kept in memory, rendered with the snapshot (see {@link KeptInMemory})
 * @param older     the other pages, rendered when asked for; null when every page is in {@code resources}
 */
public record Snapshot(Instant generatedAt, String defaultLanguage, Map<String, Resource> resources, OlderPages older) {

    public Snapshot {
        resources = Map.copyOf(resources);
    }

    /** A snapshot whose every file is in memory. */
    public Snapshot(Instant generatedAt, String defaultLanguage, Map<String, Resource> resources) {
        this(generatedAt, defaultLanguage, resources, null);
    }

    /**
     * The file at {@code path}: from memory, or rendered now for an older page (which loads its
     * incidents from the store, so it may block).
     */
    public Optional<Resource> find(String path) {
        Resource kept = resources.get(path);
        if (kept != null || older == null) return Optional.ofNullable(kept);
        return older.render(path);
    }

    /** Every path of the site, the kept ones first; with {@link #find}, what a static mirror writes. */
    public Stream<String> paths() {
        return older == null ? resources.keySet().stream() : Stream.concat(resources.keySet().stream(), older.paths());
    }
}
