package io.noroshi.statuspage;

import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentEntry;
import io.noroshi.statuspage.html.HtmlPages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The pages of one snapshot that are not kept in memory (see {@link KeptInMemory}): old incidents'
 * pages and deep history pages. Each is rendered when asked for, from the snapshot's data and the
 * incidents it loads, into the same bytes a render keeping every page gives.
 *
 * <p>{@link #version} names a page's content without loading or rendering anything, so a server
 * can keep rendered pages across snapshots and serve them while their version holds.
 * Thread-safe: pages render concurrently with each other and with the next snapshot's render.
 */
public final class OlderPages {

    private final SiteFacts facts;
    private final HtmlPages html;
    private final KeptInMemory keep;
    private final SitePaths paths;
    private final int historyPages;
    /** Entries of the incidents whose pages are not kept, by id; built on the first lookup (most snapshots are replaced before one). */
    private volatile Map<String, IncidentEntry> byId;

    OlderPages(SiteFacts facts, HtmlPages html, KeptInMemory keep) {
        this.facts = facts;
        this.html = html;
        this.keep = keep;
        this.paths = SitePaths.of(facts.page());
        this.historyPages = HtmlPages.historyPages(facts.entries().size());
    }

    private Map<String, IncidentEntry> byId() {
        Map<String, IncidentEntry> map = byId;
        if (map == null) {
            var kept = new java.util.HashSet<String>();
            facts.kept().forEach(i -> kept.add(i.id()));
            map = new HashMap<>(facts.entries().size() * 2);
            for (IncidentEntry entry : facts.entries()) {
                if (!kept.contains(entry.id())) map.put(entry.id(), entry);
            }
            byId = map;
        }
        return map;
    }

    /** A page of this snapshot that is rendered on demand. */
    private sealed interface Older {
    }

    private record IncidentPage(String language, IncidentEntry entry) implements Older {
    }

    private record HistoryPage(String language, int number, int pages, List<IncidentEntry> shown) implements Older {
    }

    /**
     * What determines the page at {@code path}, or empty when {@code path} is not a page rendered
     * on demand. Equal versions (compared with equals) render equal bytes, in this and any later
     * snapshot of the same config. In memory only: cheap enough for the read path's I/O thread.
     */
    public Optional<Object> version(String path) {
        return parse(path).map(page -> List.of(new RenderCache.Same(facts.data().config()), page));
    }

    /** Renders the page at {@code path} now (loading its incidents), or empty when it is not one of these pages. */
    public Optional<Resource> render(String path) {
        return parse(path).flatMap(this::render);
    }

    /** Every path of these pages: with the snapshot's kept resources, the whole site. */
    public Stream<String> paths() {
        return facts.page().languages().stream().flatMap(lang -> Stream.concat(
                facts.entries().stream().filter(e -> byId().containsKey(e.id())).map(e -> paths.incident(lang, e.id())),
                IntStream.rangeClosed(keep.historyPages() + 1, historyPages).mapToObj(n -> paths.history(lang, n))));
    }

    /**
     * The bodies of the pages at {@code paths} (as {@link #paths} lists them), rendered with their
     * incidents loaded in batches and the pages spread over the cores: for a whole-site export, where
     * one load per page would dominate. Byte-equal to {@link #render}'s bodies; a path that is no such
     * page, or whose incident was deleted meanwhile, is left out.
     */
    public Map<String, byte[]> renderBodies(List<String> paths) {
        var pages = new java.util.LinkedHashMap<String, Older>();
        var ids = new java.util.LinkedHashSet<String>();
        for (String path : paths) {
            parse(path).ifPresent(page -> {
                pages.put(path, page);
                switch (page) {
                    case IncidentPage p -> ids.add(p.entry().id());
                    case HistoryPage p -> p.shown().forEach(e -> ids.add(e.id()));
                }
            });
        }
        var loaded = new java.util.concurrent.ConcurrentHashMap<String, Incident>();
        var idList = new ArrayList<>(ids);
        for (int from = 0; from < idList.size(); from += LOAD_BATCH) {
            facts.data().older().load(idList.subList(from, Math.min(idList.size(), from + LOAD_BATCH))).forEach(i -> loaded.put(i.id(), i));
        }
        var out = new java.util.concurrent.ConcurrentHashMap<String, byte[]>();
        pages.entrySet().parallelStream().forEach(entry -> {
            switch (entry.getValue()) {
                case IncidentPage p -> {
                    Incident incident = loaded.get(p.entry().id());
                    if (incident != null) out.put(entry.getKey(), html.incidentPage(facts, p.language(), incident));
                }
                case HistoryPage p -> out.put(entry.getKey(), html.historyPage(facts, p.language(), p.number(),
                        p.shown().stream().map(e -> loaded.get(e.id())).filter(java.util.Objects::nonNull).toList()));
            }
        });
        var ordered = new java.util.LinkedHashMap<String, byte[]>();
        for (String path : pages.keySet()) {
            byte[] body = out.get(path);
            if (body != null) ordered.put(path, body);
        }
        return ordered;
    }

    /** Incidents loaded per query by {@link #renderBodies}. */
    private static final int LOAD_BATCH = 500;

    private Optional<Resource> render(Older page) {
        return switch (page) {
            case IncidentPage p -> load(List.of(p.entry())).stream().findFirst()
                    .map(incident -> Resource.of(ResourceEncoding.HTML, html.incidentPage(facts, p.language(), incident)));
            case HistoryPage p -> Optional.of(Resource.of(ResourceEncoding.HTML,
                    html.historyPage(facts, p.language(), p.number(), load(p.shown()))));
        };
    }

    /** The incidents of {@code entries}, in their order; an incident deleted meanwhile is left out. */
    private List<Incident> load(List<IncidentEntry> entries) {
        var loaded = new HashMap<String, Incident>();
        facts.data().older().load(entries.stream().map(IncidentEntry::id).toList()).forEach(i -> loaded.put(i.id(), i));
        var out = new ArrayList<Incident>(entries.size());
        for (IncidentEntry entry : entries) {
            Incident incident = loaded.get(entry.id());
            if (incident != null) out.add(incident);
        }
        return out;
    }

    private Optional<Older> parse(String path) {
        for (String lang : facts.page().languages()) {
            String prefix = paths.prefix(lang);
            if (!path.startsWith(prefix) || path.length() <= prefix.length() + 9) continue;
            String rest = path.substring(prefix.length());
            if (rest.startsWith("/incidents/")) {
                IncidentEntry entry = byId().get(rest.substring("/incidents/".length()));
                return entry == null ? Optional.empty() : Optional.of(new IncidentPage(lang, entry));
            }
            if (rest.startsWith("/history/")) {
                int number = number(rest.substring("/history/".length()));
                if (number <= keep.historyPages() || number > historyPages) return Optional.empty();
                var entries = facts.entries();
                var shown = List.copyOf(entries.subList((number - 1) * HtmlPages.HISTORY_PAGE_SIZE,
                        Math.min(entries.size(), number * HtmlPages.HISTORY_PAGE_SIZE)));
                return Optional.of(new HistoryPage(lang, number, historyPages, shown));
            }
        }
        return Optional.empty();
    }

    /** A page number as SitePaths writes it (no sign, no leading zero), or -1. */
    private static int number(String text) {
        if (text.isEmpty() || text.length() > 9 || text.charAt(0) == '0') return -1;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
