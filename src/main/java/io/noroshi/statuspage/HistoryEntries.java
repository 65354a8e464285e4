package io.noroshi.statuspage;

import io.noroshi.incident.IncidentEntry;
import io.noroshi.incident.IncidentStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The history's {@link IncidentEntry entries}, kept between renders and brought up to date with the
 * incidents changed since the last read, so a render after one write reads a few rows, not the
 * whole history.
 *
 * <p>Changes are found by {@code updated_at}, which writers stamp with their clocks when they
 * write: everything stamped from {@link #SKEW} before the previous read on is read again (a
 * transaction that took that long to commit, another hub's clock that far behind this one's), and
 * the whole list is read again every {@link #FULL_READ_EVERY} in case anything slipped past that.
 * Not thread-safe: one render at a time.
 */
final class HistoryEntries {

    static final Duration SKEW = Duration.ofMinutes(1);
    static final Duration FULL_READ_EVERY = Duration.ofMinutes(10);
    private static final Comparator<IncidentEntry> NEWEST_FIRST =
            Comparator.comparing(IncidentEntry::createdAt).thenComparing(IncidentEntry::id).reversed();

    private final IncidentStore store;
    private final InstantSource clock;
    private List<IncidentEntry> entries;
    private Map<String, Integer> positions;
    private Instant previousRead = Instant.MIN;
    private Instant lastFullRead = Instant.MIN;

    HistoryEntries(IncidentStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Every incident, newest first, as of now. */
    List<IncidentEntry> read() {
        Instant now = clock.instant();
        if (entries == null || entries.isEmpty() || now.isBefore(lastFullRead) || !now.isBefore(lastFullRead.plus(FULL_READ_EVERY))) {
            entries = new ArrayList<>(store.entries());
            lastFullRead = now;
            positions = null;
            previousRead = now;
            return List.copyOf(entries);
        }
        List<IncidentEntry> changed = store.entriesChangedSince(previousRead.minus(SKEW));
        previousRead = now;
        var opened = new ArrayList<IncidentEntry>();
        for (IncidentEntry entry : changed) {
            Integer at = positions().get(entry.id());
            // Creation times never change, so a known incident keeps its place in the list.
            if (at != null) entries.set(at, entry);
            else opened.add(entry);
        }
        for (IncidentEntry entry : opened) {
            int at = Collections.binarySearch(entries, entry, NEWEST_FIRST);
            entries.add(-at - 1, entry);
        }
        if (!opened.isEmpty()) positions = null;
        return List.copyOf(entries);
    }

    private Map<String, Integer> positions() {
        if (positions == null) {
            positions = new HashMap<>(entries.size() * 2);
            for (int i = 0; i < entries.size(); i++) positions.put(entries.get(i).id(), i);
        }
        return positions;
    }
}
