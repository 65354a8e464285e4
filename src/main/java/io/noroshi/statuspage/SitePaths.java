package io.noroshi.statuspage;

import io.noroshi.config.PageSettings;

/**
 * Public paths of the site and the links between them. Snapshot keys are root-relative
 * ({@code /ja/history/2}); links in pages and feeds carry the path of the page's public URL too,
 * so a mirror served under {@code https://example.github.io/status/} still links correctly.
 *
 * @param base the path of {@code page.url} without its trailing slash ("" at the root)
 */
public record SitePaths(PageSettings page, String base) {

    public static SitePaths of(PageSettings page) {
        String path = page.url().getRawPath();
        if (path == null) path = "";
        return new SitePaths(page, path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    /** {@code ""} for the default language, {@code "/ja"} for the others. */
    public String prefix(String language) {
        return language.equals(page.defaultLanguage()) ? "" : "/" + language;
    }

    public String home(String language) {
        return prefix(language) + "/";
    }

    /** Page 1 of the history is {@code /history}, later pages {@code /history/N}. */
    public String history(String language, int pageNumber) {
        return prefix(language) + (pageNumber <= 1 ? "/history" : "/history/" + pageNumber);
    }

    public String incident(String language, String id) {
        return prefix(language) + "/incidents/" + id;
    }

    public String maintenance(String language, String id) {
        return prefix(language) + "/maintenance/" + id;
    }

    /**
     * The page a wrong link gets, served with status 404 (and as a static mirror's error document).
     * The hub never links to it.
     */
    public String notFound(String language) {
        return prefix(language) + "/404.html";
    }

    /** A root-relative path as a link inside the site. */
    public String link(String path) {
        return base + path;
    }

    /** A root-relative path as an absolute URL, for feeds and the API. */
    public String absolute(String path) {
        return page.url().resolve(link(path)).toString();
    }
}
