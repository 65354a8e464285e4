package io.noroshi.mirror;

import java.util.List;

/** Publishes {@value HistoryExport#FILE} to every mirror, for {@code noroshi restore}. */
public final class HistoryExportFile implements MirrorFiles {

    private final HistoryStore store;

    public HistoryExportFile(HistoryStore store) {
        this.store = store;
    }

    @Override
    public List<SiteFile> files() {
        return List.of(SiteFile.of(HistoryExport.FILE, "application/json; charset=utf-8", store.read().toJson()));
    }
}
