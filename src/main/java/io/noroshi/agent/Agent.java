package io.noroshi.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.noroshi.monitor.AgentWire;
import io.noroshi.monitor.CheckScheduler;
import io.noroshi.monitor.MonitorMetrics;
import io.noroshi.monitor.MonitorResult;
import io.noroshi.monitor.ProbeCodec;
import io.noroshi.monitor.ScheduledCheck;
import io.noroshi.probe.Checkers;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remote vantage point: pulls its assigned checks from the hub, runs them on their intervals,
 * buffers every result on disk and uploads the buffer in order. While the hub is unreachable it
 * keeps checking (with the last assignment it saved), keeps buffering, and retries with backoff,
 * printing one line per failed attempt; later the buffered results arrive late, in order, none lost.
 *
 * <p>Given several hubs (a primary and standbys), it takes its assignment from the first that
 * answers and keeps a buffer per hub: every result goes to each, so a standby that starts later
 * receives everything since its buffer began, and a hub that is down holds no other back.
 */
public final class Agent implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Agent.class);
    static final String ASSIGNMENT_FILE = "assignment.json";
    static final int BATCH = 500;
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final AgentSettings settings;
    private final List<HubLink> hubs;
    private final CheckScheduler scheduler;
    private final ProbeCodec probes;
    private final java.util.function.Consumer<String> warnings;
    private final ObjectMapper json = ProbeCodec.mapper();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("agent-timer").daemon().factory());
    private List<AgentWire.Assignment> assignment = List.of();
    private volatile long fetchedAtMillis = Long.MIN_VALUE / 2;

    /** @param warnings where one-line warnings for a person go (the console) */
    public Agent(AgentSettings settings, HttpClient http, Checkers checkers, java.util.function.Consumer<String> warnings) {
        this.settings = settings;
        var links = new ArrayList<HubLink>();
        List<java.net.URI> urls = settings.hubs();
        for (int i = 0; i < urls.size(); i++) links.add(new HubLink(http, settings, urls.get(i), HubLink.bufferDir(settings, i, urls.get(i))));
        this.hubs = List.copyOf(links);
        this.probes = new ProbeCodec(checkers.kinds());
        this.warnings = warnings;
        this.scheduler = new CheckScheduler(checkers, settings.name(), this::buffered,
                new MonitorMetrics(new SimpleMeterRegistry()), CheckScheduler.DEFAULT_MAX_CONCURRENT);
    }

    /** Fetches (or recalls) the assignment, starts checking and uploading; never blocks on the hub. */
    public Agent start() {
        if (!refresh()) recallSavedAssignment();
        timer.scheduleWithFixedDelay(this::refreshWhenDue, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::upload, settings.uploadEvery().toMillis(), settings.uploadEvery().toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Results waiting for the first hub's acknowledgement. */
    public int buffered() {
        return hubs.getFirst().buffer.size();
    }

    /** Results waiting for each hub's acknowledgement, in the order the hubs were given. */
    public List<Integer> bufferedPerHub() {
        return hubs.stream().map(h -> h.buffer.size()).toList();
    }

    private void buffered(MonitorResult result) {
        for (HubLink hub : hubs) hub.buffer.append(result);
    }

    /** Fetches again every {@code refreshEvery}, or sooner (with backoff) while the hub never answered. */
    private void refreshWhenDue() {
        if (System.currentTimeMillis() - fetchedAtMillis >= settings.refreshEvery().toMillis()) refresh();
    }

    /** The assignment from the first hub that answers; every hub answering continues its own sequence. */
    private synchronized boolean refresh() {
        boolean applied = false;
        for (HubLink hub : hubs) {
            if (!hub.due()) continue;
            try {
                AgentWire.Checks checks = hub.client.checks();
                reachable(hub);
                hub.buffer.continueAbove(checks.lastSequence());
                if (!applied) {
                    fetchedAtMillis = System.currentTimeMillis();
                    Files.writeString(settings.bufferDir().resolve(ASSIGNMENT_FILE), json.writeValueAsString(checks));
                    apply(checks.checks());
                    applied = true;
                }
            } catch (HubUnreachable e) {
                unreachable(hub, e);
            } catch (IOException | RuntimeException e) {
                warnings.accept("noroshi agent: assignment from " + hub.url + " not usable: " + e.getMessage());
            }
        }
        return applied;
    }

    private void recallSavedAssignment() {
        Path saved = settings.bufferDir().resolve(ASSIGNMENT_FILE);
        if (!Files.exists(saved)) {
            warnings.accept("noroshi agent: no saved assignment yet; checks start once the hub answers");
            return;
        }
        try {
            apply(json.readValue(saved.toFile(), AgentWire.Checks.class).checks());
            warnings.accept("noroshi agent: running the last saved assignment until the hub answers");
        } catch (IOException | RuntimeException e) {
            warnings.accept("noroshi agent: saved assignment not usable: " + e.getMessage());
        }
    }

    private void apply(List<AgentWire.Assignment> next) {
        if (next.equals(assignment)) return;
        var checks = new ArrayList<ScheduledCheck>();
        for (AgentWire.Assignment a : next) {
            checks.add(new ScheduledCheck(a.monitor(), probes.decode(a.probe()), Duration.ofMillis(a.intervalMs()), a.retries()));
        }
        scheduler.schedule(checks);
        assignment = next;
        log.info("agent assignment name={} checks={}", settings.name(), checks.size());
    }

    private synchronized void upload() {
        for (HubLink hub : hubs) {
            if (!hub.due()) continue;
            try {
                List<AgentWire.Result> batch;
                while (!(batch = hub.buffer.oldest(BATCH)).isEmpty()) {
                    AgentWire.Ack ack = hub.client.upload(batch);
                    reachable(hub);
                    hub.buffer.acknowledge(ack.acknowledged());
                    if (ack.acknowledged() < batch.getLast().seq()) break; // the hub stored less; try again next round
                }
            } catch (HubUnreachable e) {
                unreachable(hub, e);
            } catch (RuntimeException e) {
                warnings.accept("noroshi agent: upload to " + hub.url + " failed: " + e.getMessage());
            }
        }
    }

    private void reachable(HubLink hub) {
        if (hub.reachable()) {
            warnings.accept("noroshi agent: hub " + hub.url + " reachable again; uploading " + hub.buffer.size() + " buffered result(s)");
        }
    }

    private void unreachable(HubLink hub, HubUnreachable e) {
        Duration backoff = hub.unreachable(MAX_BACKOFF);
        warnings.accept("noroshi agent: " + e.getMessage() + "; " + hub.buffer.size() + " result(s) buffered; retrying in "
                + backoff.toSeconds() + "s");
    }

    @Override
    public void close() {
        timer.shutdownNow();
        scheduler.close();
        hubs.forEach(HubLink::close);
    }
}
