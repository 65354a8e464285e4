package io.noroshi.web;

import io.noroshi.statuspage.Resource;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * A snapshot {@link Resource} prepared for the wire once, when the snapshot is published: header
 * fields pre-encoded and bodies wrapped as read-only buffers, so serving it allocates almost nothing.
 */
record ServedFile(String etag, ByteBuffer body, ByteBuffer gzipped, HttpField contentType, HttpField etagField,
                  HttpField cacheControl, HttpField vary) {

    static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    private static final HttpField ENCODING_VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final HttpField LANGUAGE_VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding, Accept-Language");

    static ServedFile of(Resource resource, boolean negotiatesLanguage) {
        return new ServedFile(resource.etag(),
                ByteBuffer.wrap(resource.body()).asReadOnlyBuffer(),
                resource.gzipped() == null ? null : ByteBuffer.wrap(resource.gzipped()).asReadOnlyBuffer(),
                new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, resource.contentType()),
                new PreEncodedHttpField(HttpHeader.ETAG, resource.etag()),
                new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, resource.cacheControl()),
                negotiatesLanguage ? LANGUAGE_VARY : ENCODING_VARY);
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
