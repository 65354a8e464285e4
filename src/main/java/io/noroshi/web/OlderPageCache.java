package io.noroshi.web;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Old incidents' pages and deep history pages once rendered on demand, kept across snapshots by
 * their version (see {@link io.noroshi.statuspage.OlderPages#version}) within a byte budget, so
 * memory stays bounded however many old pages are read.
 *
 * <p>Renders are bounded too: at most {@link #CONCURRENT_RENDERS} at a time, and readers of a page
 * being rendered wait for that render instead of starting their own, so a crawler or a stampede
 * onto one old page costs one render and a few loaded incidents, never one per request.
 */
final class OlderPageCache {

    /** Bodies plus gzip forms kept: about a thousand old pages. */
    static final long BUDGET_BYTES = 8L * 1024 * 1024;
    static final int CONCURRENT_RENDERS = 2;

    private final long budget;
    private final Map<Object, ServedFile> files = new ConcurrentHashMap<>();
    private final Map<Object, CompletableFuture<ServedFile>> rendering = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final Semaphore renders = new Semaphore(CONCURRENT_RENDERS);

    OlderPageCache() {
        this(BUDGET_BYTES);
    }

    OlderPageCache(long budget) {
        this.budget = budget;
    }

    /** The page of this version when rendered before, else null. Lock-free: the I/O thread calls it. */
    ServedFile find(Object version) {
        return files.get(version);
    }

    /**
     * The page of this version, rendered by {@code render} unless kept or being rendered; blocks.
     * Null when {@code render} finds no page.
     */
    ServedFile get(Object version, Supplier<ServedFile> render) {
        ServedFile kept = files.get(version);
        if (kept != null) return kept;
        var mine = new CompletableFuture<ServedFile>();
        CompletableFuture<ServedFile> running = rendering.putIfAbsent(version, mine);
        if (running != null) return running.join();
        try {
            renders.acquireUninterruptibly();
            ServedFile file;
            try {
                file = render.get();
            } finally {
                renders.release();
            }
            if (file != null) keep(version, file);
            mine.complete(file);
            return file;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(version, mine);
        }
    }

    private void keep(Object version, ServedFile file) {
        long size = size(file);
        if (files.put(version, file) == null) bytes.addAndGet(size);
        // Over budget: drop pages in the map's order (effectively at random) until back under it;
        // an old page read again is rendered again, which is cheap next to holding every page.
        Iterator<Map.Entry<Object, ServedFile>> it = files.entrySet().iterator();
        while (bytes.get() > budget && it.hasNext()) {
            Map.Entry<Object, ServedFile> entry = it.next();
            if (entry.getKey().equals(version)) continue;
            if (files.remove(entry.getKey(), entry.getValue())) bytes.addAndGet(-size(entry.getValue()));
        }
    }

    /** Bytes kept, bodies and gzip forms. */
    long bytes() {
        return bytes.get();
    }

    private static long size(ServedFile file) {
        return file.body().capacity() + (file.gzipped() == null ? 0 : file.gzipped().capacity()) + 256L;
    }
}
