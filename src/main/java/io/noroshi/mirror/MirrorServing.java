package io.noroshi.mirror;

/**
 * How a static server serves a mirror directory the way the hub serves the site: the index
 * document, extension-less paths (see {@link StaticLayout}), and the content types with their
 * charset. Printed by {@code noroshi publish --nginx-config} and used as is by the tests.
 */
public final class MirrorServing {

    private MirrorServing() {
    }

    /** An nginx {@code server} block (inside {@code http}) serving {@code root} on {@code listen}. */
    public static String nginxServer(String listen, String root) {
        return """
                  types {
                    text/html html;
                    application/json json;
                    application/atom+xml atom;
                    application/rss+xml rss;
                    image/svg+xml svg;
                    application/octet-stream age;
                  }
                  charset utf-8;
                  charset_types text/html application/json application/atom+xml application/rss+xml image/svg+xml;
                  server {
                    listen %s;
                    root %s;
                    index index.html;
                    add_header Cache-Control "%s";
                    location / { try_files $uri $uri/index.html =404; }
                  }
                """.formatted(listen, root, io.noroshi.statuspage.ResourceEncoding.CACHE_CONTROL);
    }
}
