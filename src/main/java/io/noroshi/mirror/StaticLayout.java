package io.noroshi.mirror;

/**
 * How the hub's public paths become files that any static server or object store serves: the
 * mapping is written into every mirror's manifest ({@link Manifest#LAYOUT}) and in docs/mirrors.md.
 *
 * <ul>
 *   <li>a path ending in {@code /} gets the index document: {@code /} → {@code index.html},
 *       {@code /ja/} → {@code ja/index.html};</li>
 *   <li>a path whose last segment has an extension is the file itself:
 *       {@code /api/v2/summary.json} → {@code api/v2/summary.json}, {@code /history.atom};</li>
 *   <li>any other path is a directory with an index document: {@code /history} →
 *       {@code history/index.html}, {@code /ja/incidents/abc} → {@code ja/incidents/abc/index.html}
 *       (a static server answers {@code /history} with a redirect to {@code /history/}, or serves it
 *       directly with nginx's {@code try_files $uri $uri/index.html}).</li>
 * </ul>
 * Two hub paths never share a file: {@code /history} and {@code /history/2} become
 * {@code history/index.html} and {@code history/2/index.html}.
 */
public final class StaticLayout {

    public static final String INDEX = "index.html";

    private StaticLayout() {
    }

    /** The file (relative, no leading slash) that holds the hub's {@code path}. */
    public static String file(String path) {
        if (!path.startsWith("/")) throw new IllegalArgumentException("not a root-relative path: " + path);
        if (path.endsWith("/")) return path.substring(1) + INDEX;
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.indexOf('.') > 0) return path.substring(1);
        return path.substring(1) + "/" + INDEX;
    }

    /** The hub path a file holds: the inverse of {@link #file} for every file it produces. */
    public static String path(String file) {
        if (file.equals(INDEX)) return "/";
        if (file.endsWith("/" + INDEX)) {
            String dir = "/" + file.substring(0, file.length() - INDEX.length() - 1);
            // a language's home page is the only index path written with its trailing slash
            return dir.length() == 3 ? dir + "/" : dir;
        }
        return "/" + file;
    }
}
