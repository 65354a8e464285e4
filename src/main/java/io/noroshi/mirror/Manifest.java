package io.noroshi.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a mirror holds: every file with its size, SHA-256 and content type, the time the site was
 * generated and the path-to-file mapping in words. Written as {@value #FILE} after every other file
 * of a publish, so a reader that finds a manifest finds every file it names. A publish compares the
 * new files with the manifest the mirror holds and uploads only those that differ.
 *
 * @param generatedAt when the hub rendered this site
 * @param files       by file name (see {@link StaticLayout}), sorted
 */
public record Manifest(Instant generatedAt, Map<String, Entry> files) {

    public static final String FILE = "noroshi-manifest.json";
    public static final int FORMAT = 1;
    public static final String LAYOUT = "path '/' and paths ending in '/' -> that directory's index.html; "
            + "paths whose last segment has an extension -> that file; other paths -> PATH/index.html";

    private static final ObjectMapper JSON = new ObjectMapper();

    public Manifest {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** One file: what to serve it as, its length in bytes and the hex SHA-256 of its bytes. */
    public record Entry(String contentType, long size, String sha256) {
    }

    public static Manifest empty() {
        return new Manifest(Instant.EPOCH, Map.of());
    }

    /** The manifest as UTF-8 JSON, keys in a fixed order, files sorted by name, one file a line. */
    public byte[] toJson() {
        var out = new java.io.ByteArrayOutputStream(128 + files.size() * 160);
        try (var json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("format", FORMAT);
            json.writeStringField("generator", "noroshi");
            json.writeStringField("generated_at", generatedAt.toString());
            json.writeStringField("layout", LAYOUT);
            json.writeStringField("index_document", StaticLayout.INDEX);
            json.writeObjectFieldStart("files");
            for (var e : files.entrySet()) {
                json.writeRaw('\n');
                json.writeObjectFieldStart(e.getKey());
                json.writeStringField("path", StaticLayout.path(e.getKey()));
                json.writeStringField("content_type", e.getValue().contentType());
                json.writeNumberField("size", e.getValue().size());
                json.writeStringField("sha256", e.getValue().sha256());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new IllegalStateException("a manifest always serialises", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a manifest written by {@link #toJson}.
     *
     * @throws MirrorException naming what is wrong when the bytes are no such manifest
     */
    public static Manifest parse(String where, byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.path("format").isInt() || root.path("format").asInt() != FORMAT) {
                throw new MirrorException(where + ": " + FILE + " is not a Noroshi manifest of format " + FORMAT);
            }
            var files = new TreeMap<String, Entry>();
            root.path("files").properties().forEach(f -> files.put(f.getKey(), new Entry(
                    f.getValue().path("content_type").asText(), f.getValue().path("size").asLong(), f.getValue().path("sha256").asText())));
            return new Manifest(Instant.parse(root.path("generated_at").asText()), files);
        } catch (IOException | DateTimeParseException e) {
            throw new MirrorException(where + ": " + FILE + " cannot be read: " + e.getMessage());
        }
    }
}
