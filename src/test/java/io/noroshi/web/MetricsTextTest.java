package io.noroshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Scrapes asked for on a request's virtual thread are written on a platform thread, and say the same. */
class MetricsTextTest {

    @Test
    void aScrapeFromAVirtualThreadIsWrittenOnAPlatformThreadWithTheSameText() throws Exception {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var readOn = new ConcurrentLinkedQueue<Boolean>();
        Gauge.builder("noroshi_test_value", () -> {
            readOn.add(Thread.currentThread().isVirtual());
            return 42;
        }).description("a test gauge").register(registry);
        var text = new MetricsText(registry);

        var scraped = new AtomicReference<String>();
        Thread.ofVirtual().start(() -> scraped.set(text.scrape())).join();

        assertThat(readOn).containsOnly(false).isNotEmpty();
        assertThat(scraped.get()).contains("noroshi_test_value 42.0").isEqualTo(registry.scrape());
    }

    @Test
    void aScrapeFromAPlatformThreadIsWrittenWhereItIsAsked() {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var readBy = new ConcurrentLinkedQueue<Thread>();
        Gauge.builder("noroshi_test_value", () -> {
            readBy.add(Thread.currentThread());
            return 1;
        }).register(registry);

        new MetricsText(registry).scrape();

        assertThat(readBy).containsOnly(Thread.currentThread());
    }
}
