package io.noroshi.mirror;

import java.time.Duration;
import java.util.List;

/**
 * Publishes {@value HistoryExport#FILE} to every mirror, for {@code noroshi restore}. Read again
 * only when the history's fingerprint changed (or every {@link #REREAD} whatever it says), so an
 * idle re-render does not read every row.
 */
public final class HistoryExportFile implements MirrorFiles {

    static final Duration REREAD = Duration.ofMinutes(10);

    private final HistoryStore store;
    private String fingerprint;
    private long readAt;
    private SiteFile last;

    public HistoryExportFile(HistoryStore store) {
        this.store = store;
    }

    @Override
    public synchronized List<SiteFile> files() {
        String now = store.fingerprint();
        if (last == null || !now.equals(fingerprint) || System.nanoTime() - readAt > REREAD.toNanos()) {
            last = SiteFile.of(HistoryExport.FILE, "application/json; charset=utf-8", store.read().toJson());
            fingerprint = now;
            readAt = System.nanoTime();
        }
        return List.of(last);
    }
}
