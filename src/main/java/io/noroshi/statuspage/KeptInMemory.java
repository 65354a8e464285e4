package io.noroshi.statuspage;

import io.noroshi.incident.IncidentEntry;
import io.noroshi.statuspage.feed.FeedEntry;
import io.noroshi.statuspage.html.HtmlPages;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which pages of the site are rendered with every change and held in memory, ready for a
 * stampede, and which are rendered when asked for: the line that keeps the hub's memory and its
 * work per write independent of how long its history is.
 *
 * <p>In memory: the home page, the API, feeds and badges, maintenance pages, the first
 * {@link #historyPages} history pages, and the pages of the incidents that are unresolved, among
 * the {@link #recentIncidents} newest, or among the {@link FeedEntry#LIMIT} most recently changed
 * (the feeds carry those). Every other page (an old incident, a deep history page) is rendered on
 * demand from the same data into the same bytes.
 *
 * @param historyPages    history pages kept, from the newest
 * @param recentIncidents newest incidents kept; at least {@code historyPages} pages' worth and the
 *                        50 incidents.json lists
 */
public record KeptInMemory(int historyPages, int recentIncidents) {

    /**
     * What a hub keeps: five history pages, the fifty incidents incidents.json lists. About
     * 2 x 100 incident pages of 5-10 kB with their gzip forms, whatever the history's length.
     */
    public static final KeptInMemory RECENT = new KeptInMemory(5, 50);

    /** Every page in memory: for a whole-site render (a static mirror) and for tests comparing against one. */
    public static final KeptInMemory EVERYTHING = new KeptInMemory(Integer.MAX_VALUE / HtmlPages.HISTORY_PAGE_SIZE, Integer.MAX_VALUE);

    public KeptInMemory {
        if (historyPages < 1) throw new IllegalArgumentException("historyPages must be >= 1, got " + historyPages);
        if (recentIncidents < Math.max(historyPages * HtmlPages.HISTORY_PAGE_SIZE, 50)) {
            throw new IllegalArgumentException("recentIncidents must cover " + historyPages + " history pages and incidents.json, got "
                    + recentIncidents);
        }
    }

    /**
     * The incidents read whole besides the unresolved ones: the newest {@link #recentIncidents}
     * and the {@link FeedEntry#LIMIT} most recently changed (with every incident changed at the
     * same instant as the last of them, so ties cannot decide differently from a full read).
     *
     * @param entries every incident, newest first
     */
    public Set<String> incidentIds(List<IncidentEntry> entries) {
        var ids = new HashSet<String>();
        for (int i = 0; i < entries.size() && i < recentIncidents; i++) ids.add(entries.get(i).id());
        if (entries.size() <= recentIncidents) return ids;
        Instant cut = latestChanges(entries);
        for (IncidentEntry entry : entries) {
            if (!entry.updatedAt().isBefore(cut)) ids.add(entry.id());
        }
        return ids;
    }

    /** The time of the {@link FeedEntry#LIMIT}-th latest change among {@code entries}. */
    private static Instant latestChanges(Collection<IncidentEntry> entries) {
        if (entries.size() <= FeedEntry.LIMIT) return Instant.MIN;
        long[] updated = new long[entries.size()];
        int i = 0;
        for (IncidentEntry entry : entries) updated[i++] = entry.updatedAt().toEpochMilli();
        java.util.Arrays.sort(updated);
        return Instant.ofEpochMilli(updated[updated.length - FeedEntry.LIMIT]);
    }

    /** Whether history page {@code number} (1 = newest) is kept. */
    public boolean keepsHistoryPage(int number) {
        return number <= historyPages;
    }
}
