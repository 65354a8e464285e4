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

    ServedSite site() {
        return current.get();
    }
}
