package io.noroshi.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The registry's Prometheus text, written on a platform thread. The Prometheus writer wraps its output in a
 * {@link java.io.BufferedWriter}; created on a virtual thread (as every request of the hub runs), that writer starts
 * with a small buffer and grows it by just the characters each write needs (JDK 21 to 25), copying the whole buffer
 * on nearly every write: one scrape of the hub's 8 KB of metrics allocated about 24 MB, a young collection per
 * scrape with the default 64 MB heap. On a platform thread it gets its full buffer at once. One thread also makes
 * concurrent scrapes queue instead of running side by side; it ends after a minute without scrapes.
 */
final class MetricsText {

    private final PrometheusMeterRegistry registry;
    private final ThreadPoolExecutor writer;

    MetricsText(PrometheusMeterRegistry registry) {
        this.registry = registry;
        this.writer = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().daemon().name("metrics-scrape").factory());
        writer.allowCoreThreadTimeOut(true);
    }

    /** Every meter in Prometheus's text format (version 0.0.4). */
    String scrape() {
        if (!Thread.currentThread().isVirtual()) return registry.scrape();
        try {
            Callable<String> scrape = registry::scrape;
            return writer.submit(scrape).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the metrics were written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("the metrics could not be written: " + e.getCause(), e.getCause());
        }
    }
}
