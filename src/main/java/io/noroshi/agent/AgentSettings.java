package io.noroshi.agent;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How an agent reaches its hub, as given on the command line.
 *
 * @param hub              the hub's base URL, e.g. {@code https://status.example.com/}
 * @param standbys         further hubs (standbys) it reports to as well: each gets every result, buffered for it until it answers
 * @param token            the agent's bearer token (the hub holds its SHA-256); never logged
 * @param name             the vantage point id the hub knows this agent by
 * @param site             the site the agent runs in (informational; the hub's config is authoritative)
 * @param bufferDir        where results wait for upload
 * @param refreshEvery     how often the assignment is fetched again
 * @param uploadEvery      how often buffered results are uploaded
 */
public record AgentSettings(URI hub, java.util.List<URI> standbys, String token, String name, String site, Path bufferDir,
                            Duration refreshEvery, Duration uploadEvery) {

    public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(1);
    public static final Duration DEFAULT_UPLOAD = Duration.ofSeconds(1);

    public AgentSettings {
        Objects.requireNonNull(hub, "hub");
        standbys = standbys == null ? java.util.List.of() : java.util.List.copyOf(standbys);
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bufferDir, "bufferDir");
        refreshEvery = refreshEvery == null ? DEFAULT_REFRESH : refreshEvery;
        uploadEvery = uploadEvery == null ? DEFAULT_UPLOAD : uploadEvery;
    }

    /** An agent reporting to one hub. */
    public AgentSettings(URI hub, String token, String name, String site, Path bufferDir, Duration refreshEvery, Duration uploadEvery) {
        this(hub, java.util.List.of(), token, name, site, bufferDir, refreshEvery, uploadEvery);
    }

    /** Every hub, the first one first. */
    public java.util.List<URI> hubs() {
        var all = new java.util.ArrayList<URI>();
        all.add(hub);
        all.addAll(standbys);
        return all;
    }

    @Override
    public String toString() {
        return "AgentSettings[hubs=" + hubs() + ", name=" + name + ", site=" + site + ", buffer=" + bufferDir + "]";
    }
}
