package io.noroshi.web;

/**
 * Maps a request (path, {@code ?lang=}, {@code ?page=}, Accept-Language) onto a snapshot path: the
 * reverse of {@link io.noroshi.statuspage.SitePaths}, which builds those paths.
 * Pure and allocation-light: it runs for every public request.
 */
final class RequestPaths {

    private RequestPaths() {
    }

    static String resolve(ServedSite site, String path, String query, String acceptLanguage) {
        if (path == null || path.isEmpty()) path = "/";
        if (query == null && acceptLanguage == null) return path;
        String prefix = site.languageOf(path);
        String base = prefix == null ? path : (path.length() <= 4 ? "/" : path.substring(3));
        String language = prefix;
        String page = null;
        if (query != null) {
            String lang = parameter(query, "lang");
            if (lang != null && (lang.equals(site.defaultLanguage()) || site.otherLanguages().contains(lang))) language = lang;
            page = parameter(query, "page");
        }
        if (page != null && base.equals("/history") && page.matches("[2-9]|[1-9][0-9]{1,4}")) base = "/history/" + page;
        if (language == null) {
            if (acceptLanguage == null) return base;
            if (!site.negotiatesLanguage(base)) return base;
            language = preferred(site, acceptLanguage);
        }
        if (language.equals(site.defaultLanguage())) return base;
        return base.equals("/") ? "/" + language + "/" : "/" + language + base;
    }

    /** The first offered language in Accept-Language order of preference (q-values honoured). */
    static String preferred(ServedSite site, String acceptLanguage) {
        return AcceptLanguage.preferred(acceptLanguage, site.defaultLanguage(),
                primary -> primary.equals(site.defaultLanguage()) || site.otherLanguages().contains(primary));
    }

    private static String parameter(String query, String name) {
        int from = 0;
        while (from <= query.length()) {
            int end = query.indexOf('&', from);
            if (end < 0) end = query.length();
            int eq = query.indexOf('=', from);
            if (eq > from && eq < end && query.regionMatches(from, name, 0, name.length()) && eq - from == name.length()) {
                return query.substring(eq + 1, end);
            }
            from = end + 1;
        }
        return null;
    }
}
