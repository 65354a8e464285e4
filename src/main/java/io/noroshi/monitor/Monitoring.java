package io.noroshi.monitor;

import io.noroshi.storage.DatabaseOutage;
import io.micrometer.core.instrument.MeterRegistry;
import io.noroshi.component.ComponentHandBack;
import io.noroshi.component.ComponentStateStore;
import io.noroshi.config.Monitor;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.VantagePoint;
import io.noroshi.probe.Checkers;
import io.noroshi.probe.heartbeat.HeartbeatLedger;
import io.noroshi.probe.heartbeat.HeartbeatProbe;
import io.noroshi.uptime.UptimeStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor engine as the hub runs it: the hub's own scheduler, the quorum engine fed by it and
 * by agents, component status and uptime derived from verdicts, raw results stored and compacted.
 * Built once by the hub; {@link #close()} stops the checks and writes the uptime counted so far.
 */
public final class Monitoring implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Monitoring.class);
    static final Duration RECORD_EVERY = Duration.ofSeconds(1);
    static final Duration SWEEP_EVERY = Duration.ofSeconds(5);
    static final Duration UPTIME_EVERY = Duration.ofMinutes(1);
    static final Duration COMPACT_EVERY = Duration.ofHours(1);

    /** The stores the engine writes to. */
    public record Stores(ResultStore results, ComponentStateStore componentStates, UptimeStore uptime) {
    }

    private final MonitorEngine engine;
    private final ComponentVerdicts components;
    private final MonitorEvents events;
    private final UptimeTracker uptime;
    private final ResultRecorder recorder;
    private final CheckScheduler scheduler;
    private final AgentApi agentApi;
    private final AgentActivity agents;
    private final InstantSource clock;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("monitor-timer").daemon().factory());

    /**
     * @param checkers runs the hub's own checks (share its {@link HeartbeatLedger} with {@code ledger})
     * @param refresh  asks for the public site to be re-rendered after a component status changed
     */
    public Monitoring(NoroshiConfig config, Stores stores, Checkers checkers, HeartbeatLedger ledger, MeterRegistry registry,
                      InstantSource clock, Runnable refresh) {
        this.clock = clock;
        this.events = new InHubEvents();
        var metrics = new MonitorMetrics(registry);
        this.recorder = new ResultRecorder(stores.results());
        this.engine = new MonitorEngine(config.monitors(), config.monitoring().flapDamping(), events, metrics, recorder::record);
        this.uptime = new UptimeTracker(stores.uptime(), config.page().timeZone(), clock.instant());
        this.components = new ComponentVerdicts(config.monitors(), engine::verdict, stores.componentStates(), uptime, refresh);
        events.subscribe(components::onChange);
        this.agents = new AgentActivity(config.vantagePoints(), clock, registry);
        this.agentApi = new AgentApi(engine, stores.results(), new AgentTokens(config.vantagePoints()),
                new ProbeCodec(checkers.kinds()), ledger, agents);
        // A heartbeat that never pushed since the start has nothing to judge until its first period passes: no data, not up.
        this.scheduler = new CheckScheduler(checkers, VantagePoint.HUB_ID, result -> {
            if (!awaitingFirstPush(ledger, result)) engine.acceptFromHub(result);
        }, metrics,
                CheckScheduler.DEFAULT_MAX_CONCURRENT);
        Duration retention = config.monitoring().retention();
        every(RECORD_EVERY, recorder::flush);
        every(SWEEP_EVERY, () -> engine.sweep(clock.instant()));
        every(UPTIME_EVERY, () -> uptime.flush(clock.instant()));
        every(COMPACT_EVERY, () -> log.info("results compacted folded={}", stores.results().compactBefore(clock.instant().minus(retention))));
    }

    /** Starts the hub's own checks, each at its stable offset within its interval. */
    public Monitoring start() {
        List<ScheduledCheck> own = engine.assignedTo(VantagePoint.HUB_ID).stream()
                .map(Monitoring::scheduled).toList();
        scheduler.schedule(own);
        log.info("monitoring started monitors={} hubChecks={}", engine.monitors().size(), own.size());
        return this;
    }

    private boolean awaitingFirstPush(HeartbeatLedger ledger, MonitorResult result) {
        return engine.probeOf(result.monitorId()) instanceof HeartbeatProbe h && ledger.awaitingFirstPush(h);
    }

    static ScheduledCheck scheduled(Monitor m) {
        return new ScheduledCheck(m.id(), m.probe(), m.interval(), m.retries());
    }

    public MonitorEngine engine() {
        return engine;
    }

    /** Verdict changes; subscribe to draft notices. */
    public MonitorEvents events() {
        return events;
    }

    /** The operator's view of the monitoring: admin API routes and pages, for {@code AdminGraph.build}. */
    public io.noroshi.admin.AdminFeature.Factory admin(ResultStore results, InstantSource clock) {
        var view = new MonitoringView(engine, agents, results, clock);
        return (gate, json) -> new MonitoringAdmin(view, gate, json);
    }

    /** What a component handed back by people shows: its monitors' current status. */
    public ComponentHandBack handBack() {
        return components;
    }

    public AgentApi agentApi() {
        return agentApi;
    }

    /** What the hub knows of its agents since it started. */
    public AgentActivity agents() {
        return agents;
    }

    public UptimeTracker uptime() {
        return uptime;
    }

    private void every(Duration period, Runnable task) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                if (!DatabaseOutage.isOutage(e)) log.warn("monitoring periodic task failed error={}", e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.close();
        timer.shutdownNow();
        recorder.flush();
        uptime.flush(clock.instant());
    }
}
