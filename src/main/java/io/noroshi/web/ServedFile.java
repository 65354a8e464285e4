package io.noroshi.web;

import io.noroshi.statuspage.Resource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * A snapshot {@link Resource} prepared for the wire once, when the snapshot is published: header
 * fields pre-encoded and bodies wrapped as read-only buffers, so serving it allocates almost nothing.
 * Large bodies can be held in direct (native) memory: the socket write then reads them in place,
 * where a heap buffer is first copied into a temporary direct one by the JDK on every request (for
 * the 59 KB home page, most of the difference to nginx's sendfile).
 */
record ServedFile(String etag, ByteBuffer body, ByteBuffer gzipped, HttpField contentType, HttpField etagField,
                  HttpField cacheControl, HttpField vary, HttpField bodyLength, HttpField gzippedLength,
                  byte[] identityFields, byte[] gzipFields, byte[] notModifiedFields) {

    static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    private static final HttpField ENCODING_VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final HttpField LANGUAGE_VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding, Accept-Language");

    /**
     * Bodies from this many bytes are worth holding in direct memory (see {@link ServedSite}'s budget). Not only
     * the large pages: a heap body of summary.json's 5.6 KB (or the home page's 4.5 KB of gzip) was copied into
     * the JDK's temporary direct buffer on every answer too, about 2% of the hub's CPU per request in a profile
     * (sun.nio.ch.IOUtil.write and the copy stub). Below this the copy costs less than the buffer's bookkeeping.
     */
    static final int DIRECT_FROM = 1024;

    static ServedFile of(Resource resource, boolean negotiatesLanguage) {
        return of(resource, negotiatesLanguage, false);
    }

    /** @param direct hold the bodies in direct memory (the caller keeps the total within its budget) */
    static ServedFile of(Resource resource, boolean negotiatesLanguage, boolean direct) {
        HttpField contentType = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, resource.contentType());
        HttpField etag = new PreEncodedHttpField(HttpHeader.ETAG, resource.etag());
        HttpField cacheControl = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, resource.cacheControl());
        HttpField vary = negotiatesLanguage ? LANGUAGE_VARY : ENCODING_VARY;
        // once here, not per request: a Content-Length put as a number is formatted and allocated on every answer
        HttpField bodyLength = new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, resource.body().length);
        HttpField gzippedLength = resource.gzipped() == null ? null
                : new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, resource.gzipped().length);
        return new ServedFile(resource.etag(),
                buffer(resource.body(), direct),
                resource.gzipped() == null ? null : buffer(resource.gzipped(), direct),
                contentType, etag, cacheControl, vary, bodyLength, gzippedLength,
                // The same fields in the same order as SnapshotHandler has Jetty write them, for ReadPathConnection.
                fields(etag, cacheControl, vary, contentType, bodyLength),
                gzippedLength == null ? null : fields(etag, cacheControl, vary, GZIP, contentType, gzippedLength),
                fields(etag, cacheControl, vary, ZERO_LENGTH));
    }

    private static final HttpField ZERO_LENGTH = new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, 0);

    /** Header lines as written on the wire ("Name: value" CRLF each). */
    private static byte[] fields(HttpField... fields) {
        var lines = new StringBuilder();
        for (HttpField field : fields) lines.append(field.getName()).append(": ").append(field.getValue()).append("\r\n");
        return lines.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static ByteBuffer buffer(byte[] bytes, boolean direct) {
        if (!direct) return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
    }

    /** Bytes of direct memory this file's bodies hold. */
    long directBytes() {
        return (body.isDirect() ? body.capacity() : 0) + (gzipped != null && gzipped.isDirect() ? gzipped.capacity() : 0);
    }

    /** Whether the file answers by Accept-Language too (see {@link #of}). */
    boolean negotiatesLanguage() {
        return vary == LANGUAGE_VARY;
    }

    /** Whether an If-None-Match header value names this file's current version. */
    boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) return false;
        if (ifNoneMatch.equals(etag) || ifNoneMatch.strip().equals("*")) return true;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) tag = tag.substring(2);
            if (tag.equals(etag)) return true;
        }
        return false;
    }
}
