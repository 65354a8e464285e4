package io.noroshi.web;

import io.noroshi.statuspage.Snapshot;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The snapshot readers see. Publishing swaps it atomically: a reader gets either the old
 * site or the new one, never a mix.
 */
public final class SnapshotHolder {

    private final AtomicReference<ServedSite> current = new AtomicReference<>();

    private final OlderPageCache olderPages = new OlderPageCache();

    /** Makes {@code snapshot} the public site from the next request on. */
    public void publish(Snapshot snapshot) {
        current.set(new ServedSite(snapshot, current.get(), olderPages));
    }

    public Optional<Snapshot> snapshot() {
        ServedSite site = current.get();
        return site == null ? Optional.empty() : Optional.of(site.snapshot());
    }

    /** The site to answer from; a site current for {@link ServedSite#SETTLE_NANOS} is first settled by the request that finds it so. */
    ServedSite site() {
        ServedSite site = current.get();
        // The clock is read only while a site has files to move: not on every request.
        if (site != null && site.wantsDirect() && site.settleDue(System.nanoTime())) {
            ServedSite settled = site.settle();
            // A publish meanwhile wins: its site was built from this one's files, and settles in its turn.
            if (settled != null) current.compareAndSet(site, settled);
            return current.get();
        }
        return site;
    }
}
