package io.noroshi.web;

import io.noroshi.statuspage.Resource;
import io.noroshi.statuspage.Snapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The public site as served: every snapshot path prepared once, plus the languages it offers.
 * Pages exist at their plain path in the default language and under {@code /LANG} in others.
 */
final class ServedSite {

    private final Map<String, ServedFile> files;
    private final String defaultLanguage;
    private final List<String> otherLanguages;
    private final Snapshot snapshot;

    ServedSite(Snapshot snapshot) {
        this.snapshot = snapshot;
        this.defaultLanguage = snapshot.defaultLanguage();
        this.otherLanguages = snapshot.resources().keySet().stream()
                .filter(p -> p.matches("/[a-z]{2}/.*"))
                .map(p -> p.substring(1, 3))
                .distinct()
                .filter(l -> !l.equals(defaultLanguage))
                .sorted()
                .toList();
        var prepared = new HashMap<String, ServedFile>(snapshot.resources().size() * 2);
        for (Map.Entry<String, Resource> entry : snapshot.resources().entrySet()) {
            prepared.put(entry.getKey(), ServedFile.of(entry.getValue(), hasVariants(entry.getKey(), snapshot)));
        }
        this.files = Map.copyOf(prepared);
    }

    Snapshot snapshot() {
        return snapshot;
    }

    ServedFile file(String path) {
        return files.get(path);
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
