package io.noroshi.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** The manifest as UTF-8 JSON, keys in a fixed order, files sorted by name. */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("generator", "noroshi");
        root.put("generated_at", generatedAt.toString());
        root.put("layout", LAYOUT);
        root.put("index_document", StaticLayout.INDEX);
        ObjectNode list = root.putObject("files");
        files.forEach((name, e) -> {
            ObjectNode f = list.putObject(name);
            f.put("path", StaticLayout.path(name));
            f.put("content_type", e.contentType());
            f.put("size", e.size());
            f.put("sha256", e.sha256());
        });
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("a manifest always serialises", e);
        }
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
