package io.noroshi.agent;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One hub an agent reports to: its client, its own buffer of results not yet acknowledged, and its
 * own backoff. A hub that does not answer (a standby not yet started) holds only its own buffer;
 * the other hubs get their results at once.
 */
final class HubLink implements AutoCloseable {

    final URI url;
    final HubClient client;
    final ResultBuffer buffer;
    private long retryAtMillis;
    private Duration backoff = Duration.ZERO;

    HubLink(HttpClient http, AgentSettings settings, URI url, Path bufferDir) {
        this.url = url;
        this.client = new HubClient(http, settings, url);
        this.buffer = new ResultBuffer(bufferDir);
    }

    /**
     * The buffer directory for hub {@code index} of {@code settings}: the first hub keeps the agent's
     * own directory (as with a single hub), each further one a directory named after its URL.
     */
    static Path bufferDir(AgentSettings settings, int index, URI url) {
        if (index == 0) return settings.bufferDir();
        String name = url.toString().replaceAll("^https?://", "").replaceAll("[^A-Za-z0-9.-]+", "_");
        return settings.bufferDir().resolve("hub-" + name);
    }

    boolean due() {
        return System.currentTimeMillis() >= retryAtMillis;
    }

    /** @return whether it had been failing */
    boolean reachable() {
        boolean was = !backoff.isZero();
        backoff = Duration.ZERO;
        retryAtMillis = 0;
        return was;
    }

    Duration unreachable(Duration max) {
        backoff = backoff.isZero() ? Duration.ofSeconds(1) : backoff.multipliedBy(2);
        if (backoff.compareTo(max) > 0) backoff = max;
        retryAtMillis = System.currentTimeMillis() + backoff.toMillis();
        return backoff;
    }

    @Override
    public void close() {
        buffer.close();
    }
}
