package io.noroshi.monitor;

import io.noroshi.config.Monitor;
import io.noroshi.probe.CheckOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the operator sees of the monitoring: every monitor with its verdict and since when, each
 * vantage point's last result and error, flap damping, a vantage point that disagrees with the
 * quorum, and the agents. Read-only; built on each request from the engine's memory (and, for one
 * monitor's recent results, the result store).
 */
public final class MonitoringView {

    /** How far back one monitor's page lists results. */
    static final Duration RECENT = Duration.ofHours(1);
    static final int RECENT_LIMIT = 60;

    /**
     * One vantage point of one monitor.
     *
     * @param outcome   up, degraded, down; "none" before its first result
     * @param stale     its last result is too old to count
     * @param disagrees it is fresh and says the opposite of the quorum's verdict (down against up, or up against down)
     */
    public record VantageRow(String vantage, String outcome, Optional<Instant> at, String message, int badStreak, int goodStreak,
                             boolean stale, boolean disagrees) {
    }

    /** One monitor; {@code since} is empty before its first verdict. */
    public record MonitorRow(String id, String kind, String target, String component, Verdict verdict, Optional<Instant> since,
                             DampingState damping, List<VantageRow> vantages, long unjudged) {
        public boolean disagreement() {
            return vantages.stream().anyMatch(VantageRow::disagrees);
        }

        public String verdictName() {
            return verdict.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public record Overview(Instant now, List<MonitorRow> monitors, List<AgentActivity.Seen> agents) {
    }

    /** One stored result, for a monitor's latency and error history. */
    public record ResultRow(String vantage, Instant at, String outcome, long latencyMillis, String message) {
    }

    public record Detail(Instant now, MonitorRow monitor, List<ResultRow> recent) {
    }

    private final MonitorEngine engine;
    private final AgentActivity agents;
    private final ResultStore results;
    private final InstantSource clock;

    public MonitoringView(MonitorEngine engine, AgentActivity agents, ResultStore results, InstantSource clock) {
        this.engine = engine;
        this.agents = agents;
        this.results = results;
        this.clock = clock;
    }

    public Overview overview() {
        Instant now = clock.instant();
        return new Overview(now, engine.monitors().stream().map(m -> row(m, now)).toList(), agents.all());
    }

    /** One monitor with its results of the last hour, newest first; empty for an unknown id. */
    public Optional<Detail> detail(String monitorId) {
        Instant now = clock.instant();
        return engine.monitor(monitorId).map(m -> {
            var recent = new ArrayList<>(results.between(monitorId, now.minus(RECENT), now.plusSeconds(1)).stream()
                    .map(r -> new ResultRow(r.vantage(), r.result().startedAt(), name(r.result().outcome()), r.result().latency().toMillis(),
                            r.result().message())).toList());
            recent.sort(Comparator.comparing(ResultRow::at).reversed());
            return new Detail(now, row(m, now), List.copyOf(recent.subList(0, Math.min(RECENT_LIMIT, recent.size()))));
        });
    }

    private MonitorRow row(Monitor m, Instant now) {
        MonitorState state = engine.state(m.id(), now).orElseThrow();
        var rows = new ArrayList<VantageRow>();
        for (String vantage : m.vantagePoints()) {
            Optional<VantageTally> tally = state.vantages().stream().filter(t -> t.vantage().equals(vantage)).findFirst();
            if (tally.isEmpty()) {
                rows.add(new VantageRow(vantage, "none", Optional.empty(), "", 0, 0, true, false));
                continue;
            }
            VantageTally t = tally.get();
            boolean stale = !t.fresh(now, state.staleAfter());
            boolean saysDown = t.last() == CheckOutcome.DOWN;
            boolean disagrees = !stale && switch (state.verdict()) {
                case UP, DEGRADED -> saysDown;
                case DOWN -> !saysDown;
                case NO_DATA -> false;
            };
            rows.add(new VantageRow(vantage, name(t.last()), Optional.of(t.at()), t.message(), t.badStreak(), t.goodStreak(), stale, disagrees));
        }
        Optional<Instant> since = state.since().equals(Instant.EPOCH) ? Optional.empty() : Optional.of(state.since());
        return new MonitorRow(m.id(), m.probe().kind(), m.probe().target(), m.component().orElse(""), state.verdict(), since,
                state.damping(), rows, state.unjudged());
    }

    private static String name(CheckOutcome outcome) {
        return outcome == null ? "none" : outcome.name().toLowerCase(Locale.ROOT);
    }
}
