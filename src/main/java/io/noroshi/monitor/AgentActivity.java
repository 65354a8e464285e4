package io.noroshi.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.noroshi.config.VantagePoint;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the hub knows of each configured agent since it started: when it last called, which version
 * it runs, how many results it delivered, how many calls named it with a wrong token. Shown on the
 * admin monitoring page and on {@code /metrics}. Thread-safe; in memory only.
 */
public final class AgentActivity {

    /** One agent as the operator sees it. */
    public record Seen(String vantage, Optional<Instant> lastSeen, Optional<String> version, long resultsReceived, long failedLogins) {
    }

    private static final class Agent {
        final AtomicReference<Instant> lastSeen = new AtomicReference<>();
        final AtomicReference<String> version = new AtomicReference<>();
        final AtomicLong failedLogins = new AtomicLong();
        Counter results;
        Counter failures;
    }

    private final InstantSource clock;
    private final Map<String, Agent> agents = new LinkedHashMap<>();

    public AgentActivity(List<VantagePoint> vantagePoints, InstantSource clock, MeterRegistry registry) {
        this.clock = clock;
        for (VantagePoint v : vantagePoints) {
            if (v.kind() != VantagePoint.Kind.AGENT) continue;
            var agent = new Agent();
            agent.results = Counter.builder("noroshi_agent_results_received").tag("vantage", v.id())
                    .description("Results this agent delivered that the hub stored (since the hub started)").register(registry);
            agent.failures = Counter.builder("noroshi_agent_failed_logins").tag("vantage", v.id())
                    .description("Agent API calls naming this agent with a missing or wrong token").register(registry);
            Gauge.builder("noroshi_agent_last_seen_timestamp_seconds", agent.lastSeen, t -> t.get() == null ? Double.NaN : t.get().toEpochMilli() / 1e3)
                    .tag("vantage", v.id()).description("When this agent last called the hub (Unix time); NaN: not since the hub started")
                    .register(registry);
            agents.put(v.id(), agent);
        }
    }

    /** An authenticated call of {@code vantage}; {@code version} as the agent reports it (may be null). */
    void seen(String vantage, String version) {
        Agent agent = agents.get(vantage);
        if (agent == null) return;
        agent.lastSeen.set(clock.instant());
        if (version != null && !version.isBlank()) agent.version.set(version.length() > 40 ? version.substring(0, 40) : version);
    }

    void received(String vantage, int results) {
        Agent agent = agents.get(vantage);
        if (agent != null) agent.results.increment(results);
    }

    /** A call that named {@code vantage} (X-Noroshi-Agent) without its valid token; unknown names are not kept. */
    void failedLogin(String named) {
        Agent agent = named == null ? null : agents.get(named);
        if (agent == null) return;
        agent.failedLogins.incrementAndGet();
        agent.failures.increment();
    }

    /** Every configured agent, in config order. */
    public List<Seen> all() {
        return agents.entrySet().stream().map(e -> new Seen(e.getKey(), Optional.ofNullable(e.getValue().lastSeen.get()),
                Optional.ofNullable(e.getValue().version.get()), (long) e.getValue().results.count(), e.getValue().failedLogins.get())).toList();
    }
}
