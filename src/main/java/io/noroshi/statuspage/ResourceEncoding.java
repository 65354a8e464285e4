package io.noroshi.statuspage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

/**
 * Turns a body into a {@link Resource}: gzip (level 6, or 2 for large files), a strong ETag, Cache-Control.
 * Output depends on the body bytes only, so equal bodies always get equal ETags and gzip bytes.
 */
public final class ResourceEncoding {

    /**
     * Pages and the JSON API: a browser revalidates on every view ({@code max-age=0}; the ETag makes
     * that a 304 of a few hundred bytes), so a reader following the admin's link right after a
     * resolve sees it. Shared caches and CDNs may answer for {@code s-maxage} seconds, which keeps a
     * stampede off the hub; {@code stale-if-error} lets them keep serving the last page while the hub
     * is unreachable, when a status page is needed most. No {@code stale-while-revalidate}: browsers
     * honour it too, and it showed "Investigating" after the resolve.
     */
    public static final String CACHE_CONTROL = "public, max-age=0, s-maxage=5, stale-if-error=86400";

    /**
     * Badges: embedded in other sites' pages and READMEs, often behind an image proxy, so fetched far
     * more than pages; the same revalidation for browsers, a little longer in shared caches.
     */
    public static final String BADGE_CACHE_CONTROL = "public, max-age=0, s-maxage=10, stale-if-error=86400";

    /** Feeds: polled by readers every few minutes, never looked at within seconds of a change. */
    public static final String FEED_CACHE_CONTROL = "public, max-age=60, stale-if-error=86400";

    /** The Cache-Control of a resource of this content type (see the constants for why). */
    public static String cacheControl(String contentType) {
        return switch (contentType) {
            case SVG -> BADGE_CACHE_CONTROL;
            case ATOM, RSS -> FEED_CACHE_CONTROL;
            default -> CACHE_CONTROL;
        };
    }

    public static final String HTML = "text/html; charset=utf-8";
    public static final String JSON = "application/json; charset=utf-8";
    public static final String ATOM = "application/atom+xml; charset=utf-8";
    public static final String RSS = "application/rss+xml; charset=utf-8";
    public static final String SVG = "image/svg+xml; charset=utf-8";

    private static final int ETAG_BYTES = 16;

    private ResourceEncoding() {
    }

    /** The resource for {@code body}; gzip is null when it would not be smaller. */
    public static Resource encode(String contentType, byte[] body) {
        byte[] gzipped = gzip(body);
        return new Resource(contentType, body, gzipped.length < body.length ? gzipped : null, etag(body), cacheControl(contentType));
    }

    /**
     * {@code "<base64url of CRC-32C(body), CRC-32(body) and the body's length>"} (16 bytes), quotes included.
     * A validator only has to tell one version of a file from the next, by accident, never against an
     * attacker (the hub writes every byte itself): two checksums of independent polynomials plus the exact
     * length leave about one chance in 2^64 that an edited file keeps its tag. Both run as CPU instructions
     * at tens of GB/s; SHA-256 took a tenth of a write's render on a home page of 100 components (2 MB hashed).
     */
    public static String etag(byte[] body) {
        var crc32c = new CRC32C();
        crc32c.update(body);
        var crc32 = new CRC32();
        crc32.update(body);
        byte[] tag = ByteBuffer.allocate(ETAG_BYTES).putInt((int) crc32c.getValue()).putInt((int) crc32.getValue())
                .putLong(body.length).array();
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(tag) + "\"";
    }

    static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (var gzip = new LeveledGzip(out, body.length >= LARGE ? LARGE_LEVEL : GZIP_LEVEL)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Level 6: within a few percent of level 9 on these pages at a fraction of the CPU, which every write pays. */
    static final int GZIP_LEVEL = 6;

    /**
     * From this many bytes, level 2. The files this large are incidents.json and the feeds (50
     * events with all their updates), and every write changes them, so each is compressed about
     * once per write: level 2 took a fifth of level 6's time here (incidents.json of 318 kB: 0.6 ms
     * against 2.7 ms) for a 13-16% larger gzip. Pages people read (home, incidents) stay below it.
     */
    static final int LARGE = 100_000;
    static final int LARGE_LEVEL = 2;

    /** GZIPOutputStream only exposes the level through its protected deflater. */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(ByteArrayOutputStream out, int level) throws IOException {
            super(out, 8192);
            def.setLevel(level);
        }
    }
}
