package io.noroshi.agent;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How an agent reaches its hub, as given on the command line.
 *
 * @param hub              the hub's base URL, e.g. {@code https://status.example.com/}
 * @param token            the agent's bearer token (the hub holds its SHA-256); never logged
 * @param name             the vantage point id the hub knows this agent by
 * @param site             the site the agent runs in (informational; the hub's config is authoritative)
 * @param bufferDir        where results wait for upload
 * @param refreshEvery     how often the assignment is fetched again
 * @param uploadEvery      how often buffered results are uploaded
 */
public record AgentSettings(URI hub, String token, String name, String site, Path bufferDir,
                            Duration refreshEvery, Duration uploadEvery) {

    public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(1);
    public static final Duration DEFAULT_UPLOAD = Duration.ofSeconds(1);

    public AgentSettings {
        Objects.requireNonNull(hub, "hub");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bufferDir, "bufferDir");
        refreshEvery = refreshEvery == null ? DEFAULT_REFRESH : refreshEvery;
        uploadEvery = uploadEvery == null ? DEFAULT_UPLOAD : uploadEvery;
    }

    @Override
    public String toString() {
        return "AgentSettings[hub=" + hub + ", name=" + name + ", site=" + site + ", buffer=" + bufferDir + "]";
    }
}
