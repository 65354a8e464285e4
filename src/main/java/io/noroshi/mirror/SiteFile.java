package io.noroshi.mirror;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One file of a published site: its name on the mirror, its bytes and what to serve them as.
 *
 * @param file        relative name on the mirror, '/'-separated, no leading slash
 * @param contentType the Content-Type the hub serves it with
 * @param sha256      lower-case hex SHA-256 of {@code body}
 */
public record SiteFile(String file, String contentType, byte[] body, String sha256) {

    public SiteFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sha256, "sha256");
        if (file.isEmpty() || file.startsWith("/") || file.contains("..") || file.contains("\\")) {
            throw new IllegalArgumentException("not a safe relative file name: " + file);
        }
    }

    public static SiteFile of(String file, String contentType, byte[] body) {
        return new SiteFile(file, contentType, body, sha256(body));
    }

    public Manifest.Entry entry() {
        return new Manifest.Entry(contentType, body.length, sha256);
    }

    public static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
