package io.noroshi.web;

import io.noroshi.statuspage.Resource;
import io.noroshi.statuspage.Snapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The public site as served: every snapshot path prepared once, plus the languages it offers.
 * Pages exist at their plain path in the default language and under {@code /LANG} in others.
 */
final class ServedSite {

    /**
     * Direct memory one site's large files may hold (the launcher gives the JVM 32 MB of it, which
     * Jetty's buffers share; a replaced file's memory returns when its buffer is collected).
     */
    static final long DIRECT_BUDGET = 6L * 1024 * 1024;

    /**
     * How long a site must stay current before the large files its publish changed move into direct
     * memory ({@link #settle}). A replaced direct buffer's memory returns only when the buffer object
     * is collected, often not before a full collection; when every write put the two home pages of a
     * 100-component site (2 MB) into fresh direct memory, the 32 MB limit was reached every fifteen
     * writes or so, and the JDK then ran a full collection inside the write's render (a long tail of
     * update-to-page times). A stream of writes now serves its changed pages from the heap, and the
     * page a stampede reads between updates is in direct memory a second after the last one.
     */
    static final long SETTLE_NANOS = 1_000_000_000L;

    private final Map<String, ServedFile> files;
    private final String defaultLanguage;
    private final List<String> otherLanguages;
    private final Snapshot snapshot;
    private final OlderPageCache olderPages;
    private final long createdNanos = System.nanoTime();
    /** Whether a large file of this site is on the heap though the direct budget has room for it. */
    private final boolean wantsDirect;
    private final AtomicBoolean settling = new AtomicBoolean();

    /**
     * @param before the site this one replaces, or null: a file whose resource is the very same
     *               instance (the renderer keeps unchanged files) keeps its prepared form, so a
     *               publish after one write prepares only the files that write changed
     */
    ServedSite(Snapshot snapshot, ServedSite before) {
        this(snapshot, before, before == null ? new OlderPageCache() : before.olderPages);
    }

    /**
     * @param olderPages pages rendered on demand, shared with the sites before and after this one. Large
     *                   files go into direct memory on the first site only; later ones prepare what
     *                   changed on the heap until they {@link #settle}.
     */
    ServedSite(Snapshot snapshot, ServedSite before, OlderPageCache olderPages) {
        this(snapshot, before, olderPages, before == null);
    }

    /** @param direct put large files into direct memory (within the budget), also those kept on the heap so far */
    private ServedSite(Snapshot snapshot, ServedSite before, OlderPageCache olderPages, boolean direct) {
        this.snapshot = snapshot;
        this.olderPages = olderPages;
        this.defaultLanguage = snapshot.defaultLanguage();
        this.otherLanguages = snapshot.resources().keySet().stream()
                .filter(ServedSite::hasLanguagePrefix)
                .map(p -> p.substring(1, 3))
                .distinct()
                .filter(l -> !l.equals(defaultLanguage))
                .sorted()
                .toList();
        var prepared = new HashMap<String, ServedFile>(snapshot.resources().size() * 2);
        long directBytes = 0;
        boolean roomLeft = false;
        // Pages first (the renderer lists the home pages first): the large files readers load most.
        for (Map.Entry<String, Resource> entry : snapshot.resources().entrySet()) {
            String path = entry.getKey();
            Resource resource = entry.getValue();
            boolean variants = hasVariants(path, snapshot);
            int size = resource.body().length + (resource.gzipped() == null ? 0 : resource.gzipped().length);
            boolean fits = resource.body().length >= ServedFile.DIRECT_FROM && directBytes + size <= DIRECT_BUDGET;
            ServedFile file = before != null && before.snapshot.resources().get(path) == resource ? before.files.get(path) : null;
            if (file == null || file.negotiatesLanguage() != variants || (direct && fits && file.directBytes() == 0)) {
                file = ServedFile.of(resource, variants, direct && fits);
            }
            if (fits && file.directBytes() == 0) roomLeft = true;
            directBytes += file.directBytes();
            prepared.put(path, file);
        }
        this.files = Map.copyOf(prepared);
        this.wantsDirect = roomLeft;
    }

    /** Whether a file of this site is on the heap though the direct budget has room for it (see {@link #settleDue}). */
    boolean wantsDirect() {
        return wantsDirect;
    }

    /** Whether this site has been current long enough to {@link #settle}, at {@code nanoTime}. */
    boolean settleDue(long nanoTime) {
        return wantsDirect && nanoTime - createdNanos >= SETTLE_NANOS && !settling.get();
    }

    /**
     * This site with its large files in direct memory, for the first caller only (null for the others, so
     * concurrent readers do not each allocate a copy).
     */
    ServedSite settle() {
        return settling.compareAndSet(false, true) ? new ServedSite(snapshot, this, olderPages, true) : null;
    }

    /** {@code /xx/...}: a path under a two-letter language prefix. */
    private static boolean hasLanguagePrefix(String path) {
        return path.length() >= 4 && path.charAt(0) == '/' && path.charAt(3) == '/'
                && isLowerLetter(path.charAt(1)) && isLowerLetter(path.charAt(2));
    }

    private static boolean isLowerLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    Snapshot snapshot() {
        return snapshot;
    }

    ServedFile file(String path) {
        return files.get(path);
    }

    /**
     * The version of an older page at {@code path} (rendered on demand, see
     * {@link io.noroshi.statuspage.OlderPages}), or null when the path is no such page.
     */
    Object olderVersion(String path) {
        return snapshot.older() == null ? null : snapshot.older().version(path).orElse(null);
    }

    /** The older page of this version when rendered before; null on a miss. In memory only. */
    ServedFile olderFile(Object version) {
        return olderPages.find(version);
    }

    /**
     * Renders the older page at {@code path} now, or finds it rendered meanwhile; blocks (it loads
     * incidents from the store). Null when the path is no page.
     */
    ServedFile renderOlder(String path, Object version) {
        return olderPages.get(version, () -> snapshot.older().render(path)
                .map(resource -> ServedFile.of(resource, languageOf(path) == null && !otherLanguages.isEmpty()))
                .orElse(null));
    }

    /** Whether the plain path's page answers by Accept-Language: it exists in other languages too. */
    boolean negotiatesLanguage(String path) {
        ServedFile plain = files.get(path);
        if (plain != null) return plain.negotiatesLanguage();
        return !otherLanguages.isEmpty() && languageOf(path) == null && olderVersion(path) != null;
    }

    String defaultLanguage() {
        return defaultLanguage;
    }

    List<String> otherLanguages() {
        return otherLanguages;
    }

    /** The language prefix a path carries ({@code /ja/...} → ja), or null for a plain path. */
    String languageOf(String path) {
        for (String language : otherLanguages) {
            if (path.length() >= 3 && path.startsWith(language, 1) && (path.length() == 3 || path.charAt(3) == '/')) {
                return language;
            }
        }
        return null;
    }

    /** A plain-path page that also exists under another language's prefix answers by Accept-Language. */
    private boolean hasVariants(String path, Snapshot snapshot) {
        if (languageOf(path) != null) return false;
        for (String language : otherLanguages) {
            if (snapshot.resources().containsKey("/" + language + path)) return true;
        }
        return false;
    }
}
