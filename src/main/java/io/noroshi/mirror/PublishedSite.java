package io.noroshi.mirror;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one publish puts on a mirror, the manifest aside: the public site's files and the
 * extra files (export, contacts bundle), by file name.
 */
public record PublishedSite(Instant generatedAt, Map<String, SiteFile> files) {

    public PublishedSite {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    public Manifest manifest() {
        var entries = new LinkedHashMap<String, Manifest.Entry>();
        files.forEach((name, file) -> entries.put(name, file.entry()));
        return new Manifest(generatedAt, entries);
    }

    public long bytes() {
        return files.values().stream().mapToLong(f -> f.body().length).sum();
    }
}
