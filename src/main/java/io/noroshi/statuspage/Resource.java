package io.noroshi.statuspage;

import java.util.Objects;

/**
 * One immutable file of the public site: its bytes, its gzip form and its validator.
 *
 * @param contentType  full Content-Type header value, charset included
 * @param body         the identity bytes; never mutated after construction
 * @param gzipped      the same bytes gzip-compressed, or null when compression does not pay
 * @param etag         strong validator, quoted, derived from the body
 * @param cacheControl Cache-Control header value
 */
public record Resource(String contentType, byte[] body, byte[] gzipped, String etag, String cacheControl) {
    public Resource {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(cacheControl, "cacheControl");
    }

    /**
     * A resource with its gzip form, strong ETag and the site's Cache-Control, derived from
     * {@code body}; see {@link ResourceEncoding}.
     */
    public static Resource of(String contentType, byte[] body) {
        return ResourceEncoding.encode(contentType, body);
    }
}
