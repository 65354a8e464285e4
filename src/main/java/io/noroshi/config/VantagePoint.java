package io.noroshi.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A place monitors are checked from: the hub itself, or a remote agent.
 *
 * <pre>
 * vantage_points:
 *   - id: osaka
 *     site: osaka-dc2           # a declared site; where a failure of this vantage point comes from
 *     kind: agent               # hub | agent; default agent
 *     token_sha256: 9f86d0...   # hex SHA-256 of the agent's bearer token; agents only
 * </pre>
 *
 * @param id          the name agents give with {@code --name}; {@code hub} for the hub
 * @param site        the site it runs in, when declared
 * @param kind        hub or agent
 * @param tokenSha256 lower-case hex SHA-256 of the agent's token; empty for the hub
 */
public record VantagePoint(String id, Optional<String> site, Kind kind, Optional<String> tokenSha256) {

    /** The id of the hub's own vantage point, implicit when not listed. */
    public static final String HUB_ID = "hub";

    public enum Kind { HUB, AGENT }

    public VantagePoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tokenSha256, "tokenSha256");
    }

    /** The hub's vantage point as assumed when the config does not list it. */
    public static VantagePoint implicitHub() {
        return new VantagePoint(HUB_ID, Optional.empty(), Kind.HUB, Optional.empty());
    }

    @Override
    public String toString() {
        // The token hash is not the token, but there is no reason to print it either.
        return "VantagePoint[" + id + ", " + kind + site.map(s -> " at " + s).orElse("") + "]";
    }
}
