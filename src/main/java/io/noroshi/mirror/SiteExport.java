package io.noroshi.mirror;

import io.noroshi.statuspage.Resource;
import io.noroshi.statuspage.ResourceEncoding;
import io.noroshi.statuspage.Snapshot;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Snapshot} into the files of a static site: every page kept in memory and every
 * older page the hub renders on demand, byte-equal to what the hub serves at each path.
 *
 * <p>Incremental: a file whose resource is the very instance of the previous export (the renderer
 * keeps unchanged files) keeps its hash, and an older page whose version is unchanged (see
 * {@link io.noroshi.statuspage.OlderPages#version}) is not rendered again, so an export after one
 * update costs the pages that update reached. One export at a time.
 */
public final class SiteExport {

    /** The previous export's files by the resource they came from. */
    private Map<Resource, SiteFile> byResource = new IdentityHashMap<>();
    /** The previous export's older pages by path, with the version they were rendered at. */
    private Map<String, Older> older = new HashMap<>();

    private record Older(Object version, SiteFile file) {
    }

    /** The site of {@code snapshot} plus {@code extras} (which may not reuse a site file's name). */
    public synchronized PublishedSite export(Snapshot snapshot, List<SiteFile> extras) {
        var files = new LinkedHashMap<String, SiteFile>();
        var nextByResource = new IdentityHashMap<Resource, SiteFile>(snapshot.resources().size() * 2);
        snapshot.resources().forEach((path, resource) -> {
            SiteFile file = byResource.get(resource);
            if (file == null) file = SiteFile.of(StaticLayout.file(path), resource.contentType(), resource.body());
            nextByResource.put(resource, file);
            files.put(file.file(), file);
        });
        var nextOlder = new HashMap<String, Older>();
        if (snapshot.older() != null) {
            var toRender = new java.util.ArrayList<String>();
            var versions = new HashMap<String, Object>();
            snapshot.older().paths().forEach(path -> {
                Object version = snapshot.older().version(path).orElse(null);
                Older kept = older.get(path);
                if (kept != null && kept.version().equals(version)) {
                    nextOlder.put(path, kept);
                } else {
                    versions.put(path, version);
                    toRender.add(path);
                }
            });
            // Older pages render with their incidents loaded in batches, not one query per page.
            snapshot.older().renderBodies(toRender).forEach((path, body) ->
                    nextOlder.put(path, new Older(versions.get(path), SiteFile.of(StaticLayout.file(path), ResourceEncoding.HTML, body))));
            snapshot.older().paths().forEach(path -> {
                Older page = nextOlder.get(path);
                if (page != null) files.put(page.file().file(), page.file());
            });
        }
        for (SiteFile extra : extras) {
            if (files.putIfAbsent(extra.file(), extra) != null) {
                throw new IllegalStateException("an extra mirror file would replace a page: " + extra.file());
            }
        }
        byResource = nextByResource;
        older = nextOlder;
        return new PublishedSite(snapshot.generatedAt(), files);
    }
}
