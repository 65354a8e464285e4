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
 */
public final class Agent implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Agent.class);
    static final String ASSIGNMENT_FILE = "assignment.json";
    static final int BATCH = 500;
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final AgentSettings settings;
    private final HubClient hub;
    private final ResultBuffer buffer;
    private final CheckScheduler scheduler;
    private final ProbeCodec probes;
    private final java.util.function.Consumer<String> warnings;
    private final ObjectMapper json = ProbeCodec.mapper();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("agent-timer").daemon().factory());
    private List<AgentWire.Assignment> assignment = List.of();
    private long retryAtMillis;
    private volatile long fetchedAtMillis = Long.MIN_VALUE / 2;
    private Duration backoff = Duration.ZERO;

    /** @param warnings where one-line warnings for a person go (the console) */
    public Agent(AgentSettings settings, HttpClient http, Checkers checkers, java.util.function.Consumer<String> warnings) {
        this.settings = settings;
        this.hub = new HubClient(http, settings);
        this.buffer = new ResultBuffer(settings.bufferDir());
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

    /** Results waiting for the hub's acknowledgement. */
    public int buffered() {
        return buffer.size();
    }

    private void buffered(MonitorResult result) {
        buffer.append(result);
    }

    /** Fetches again every {@code refreshEvery}, or sooner (with backoff) while the hub never answered. */
    private void refreshWhenDue() {
        if (System.currentTimeMillis() - fetchedAtMillis >= settings.refreshEvery().toMillis()) refresh();
    }

    private synchronized boolean refresh() {
        if (!due()) return false;
        try {
            AgentWire.Checks checks = hub.checks();
            fetchedAtMillis = System.currentTimeMillis();
            reachable();
            buffer.continueAbove(checks.lastSequence());
            Files.writeString(settings.bufferDir().resolve(ASSIGNMENT_FILE), json.writeValueAsString(checks));
            apply(checks.checks());
            return true;
        } catch (HubUnreachable e) {
            unreachable(e);
            return false;
        } catch (IOException | RuntimeException e) {
            warnings.accept("noroshi agent: assignment not usable: " + e.getMessage());
            return false;
        }
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
        if (!due()) return;
        try {
            List<AgentWire.Result> batch;
            while (!(batch = buffer.oldest(BATCH)).isEmpty()) {
                AgentWire.Ack ack = hub.upload(batch);
                reachable();
                buffer.acknowledge(ack.acknowledged());
                if (ack.acknowledged() < batch.getLast().seq()) break; // the hub stored less; try again next round
            }
        } catch (HubUnreachable e) {
            unreachable(e);
        } catch (RuntimeException e) {
            warnings.accept("noroshi agent: upload failed: " + e.getMessage());
        }
    }

    private boolean due() {
        return System.currentTimeMillis() >= retryAtMillis;
    }

    private void reachable() {
        if (!backoff.isZero()) warnings.accept("noroshi agent: hub reachable again; uploading " + buffer.size() + " buffered result(s)");
        backoff = Duration.ZERO;
        retryAtMillis = 0;
    }

    private void unreachable(HubUnreachable e) {
        backoff = backoff.isZero() ? Duration.ofSeconds(1) : backoff.multipliedBy(2);
        if (backoff.compareTo(MAX_BACKOFF) > 0) backoff = MAX_BACKOFF;
        retryAtMillis = System.currentTimeMillis() + backoff.toMillis();
        warnings.accept("noroshi agent: " + e.getMessage() + "; " + buffer.size() + " result(s) buffered; retrying in "
                + backoff.toSeconds() + "s");
    }

    @Override
    public void close() {
        timer.shutdownNow();
        scheduler.close();
        buffer.close();
    }
}
