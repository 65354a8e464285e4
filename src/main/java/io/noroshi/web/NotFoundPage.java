package io.noroshi.web;

import io.javalin.http.Context;

/**
 * A wrong link outside {@code /api/} gets the site's "page not found" page in the reader's language
 * (the path's language prefix, {@code ?lang=}, else Accept-Language) with a link to the status page.
 */
final class NotFoundPage {

    /** The snapshot path of the default language's page (see {@link io.noroshi.statuspage.SitePaths#notFound}). */
    private static final String PATH = "/404.html";

    private final SnapshotHolder holder;

    NotFoundPage(SnapshotHolder holder) {
        this.holder = holder;
    }

    /** Whether a 404 at this path is answered with the HTML page rather than JSON. */
    static boolean wantsPage(String path) {
        return !path.startsWith("/api/") && !path.equals("/api");
    }

    /** Writes the page with status 404; false when the site has none yet (the caller answers JSON). */
    boolean serve(Context ctx) {
        ServedSite site = holder == null ? null : holder.site();
        if (site == null) return false;
        String language = site.languageOf(ctx.path());
        String path = language != null ? "/" + language + PATH
                : RequestPaths.resolve(site, PATH, ctx.queryString(), ctx.header("Accept-Language"));
        ServedFile file = site.file(path);
        if (file == null) return false;
        byte[] body = new byte[file.body().remaining()];
        file.body().duplicate().get(body);
        ctx.status(404)
                .header("Cache-Control", "no-cache")
                .header("Vary", "Accept-Language")
                .contentType(file.contentType().getValue())
                .result(body);
        return true;
    }
}
