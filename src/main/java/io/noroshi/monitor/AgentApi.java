package io.noroshi.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ConflictResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.noroshi.config.Monitor;
import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import io.noroshi.probe.heartbeat.HeartbeatLedger;
import io.noroshi.probe.heartbeat.HeartbeatProbe;
import io.noroshi.web.ApiErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handlers of the agent API and the heartbeat push URL; the routes are declared in
 * {@link io.noroshi.web.Routes}. Agents authenticate with {@code Authorization: Bearer TOKEN} and
 * name themselves with {@code X-Noroshi-Agent}, which must be the vantage point the token belongs to.
 */
public final class AgentApi {

    private static final Logger log = LoggerFactory.getLogger(AgentApi.class);
    /** Largest batch accepted at once; agents send at most this many. */
    public static final int MAX_BATCH = 1_000;
    /** Largest body accepted: a full batch of results with long messages fits well. */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private final MonitorEngine engine;
    private final ResultStore results;
    private final AgentTokens tokens;
    private final ProbeCodec probes;
    private final HeartbeatPushes heartbeats;
    private final AgentActivity activity;
    private final ObjectMapper json = ProbeCodec.mapper();

    public AgentApi(MonitorEngine engine, ResultStore results, AgentTokens tokens, ProbeCodec probes, HeartbeatLedger ledger,
                    AgentActivity activity) {
        this.activity = activity;
        this.engine = engine;
        this.results = results;
        this.tokens = tokens;
        this.probes = probes;
        this.heartbeats = new HeartbeatPushes(engine, ledger);
    }

    /** The heartbeat push URL, served beside the agent API. */
    public HeartbeatPushes heartbeats() {
        return heartbeats;
    }

    /** {@code GET /api/agent/v1/checks}: the monitors assigned to the calling agent. */
    public void checks(Context ctx) {
        String vantage = authenticate(ctx);
        var checks = new ArrayList<AgentWire.Assignment>();
        for (Monitor m : engine.assignedTo(vantage)) {
            if (m.probe() instanceof HeartbeatProbe) continue;
            checks.add(new AgentWire.Assignment(m.id(), m.interval().toMillis(), m.retries(), probes.encode(m.probe())));
        }
        reply(ctx, new AgentWire.Checks(vantage, results.lastSequence(vantage), checks));
    }

    /** {@code POST /api/agent/v1/results}: stores the batch (once), then judges what was new. */
    public void results(Context ctx) {
        String vantage = authenticate(ctx);
        if (ctx.contentLength() > MAX_BODY_BYTES) throw new ContentTooLargeResponse("results: at most " + MAX_BODY_BYTES + " bytes per batch");
        AgentWire.Batch batch;
        try {
            batch = json.readValue(ctx.bodyAsBytes(), AgentWire.Batch.class);
        } catch (Exception e) {
            throw new ApiErrors.BadRequest("results", "not a results batch: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (batch.results() == null) throw new ApiErrors.BadRequest("results", "is required");
        if (batch.results().size() > MAX_BATCH) throw new ContentTooLargeResponse("results: at most " + MAX_BATCH + " per batch");
        var sequenced = new ArrayList<ResultStore.Sequenced>();
        int refused = 0;
        for (AgentWire.Result r : batch.results()) {
            MonitorResult result = toResult(vantage, r);
            // Only monitors assigned to this agent: its token must not write anyone else's history. The number is used up.
            boolean assigned = engine.assigned(result);
            if (!assigned) refused++;
            sequenced.add(new ResultStore.Sequenced(r.seq(), assigned ? result : null));
        }
        List<MonitorResult> fresh;
        try {
            fresh = results.appendFromAgent(vantage, sequenced);
        } catch (ResultStore.SequenceGap e) {
            log.warn("agent results refused vantage={} reason=sequence-gap expected={} got={}", vantage, e.expected(), e.got());
            throw new ConflictResponse("results[].seq: " + e.getMessage() + " (the last stored is " + (e.expected() - 1) + ")");
        }
        if (refused > 0) log.warn("agent results refused vantage={} reason=not-assigned count={}", vantage, refused);
        engine.judgeAll(fresh);
        long acknowledged = results.lastSequence(vantage);
        activity.received(vantage, fresh.size());
        log.debug("agent results vantage={} received={} new={} acknowledged={}", vantage, sequenced.size(), fresh.size(), acknowledged);
        reply(ctx, new AgentWire.Ack(acknowledged, refused));
    }

    private String authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
        String named = ctx.header("X-Noroshi-Agent");
        String vantage = tokens.vantageOf(token).orElse(null);
        if (vantage == null) {
            activity.failedLogin(named);
            throw new UnauthorizedResponse("missing or unknown agent token");
        }
        if (named != null && !named.equals(vantage)) {
            log.warn("agent name mismatch token_for={} named={}", vantage, named);
            activity.failedLogin(named);
            throw new UnauthorizedResponse("this token belongs to another agent than '" + named + "'");
        }
        activity.seen(vantage, ctx.header(AgentWire.VERSION_HEADER));
        return vantage;
    }

    private static MonitorResult toResult(String vantage, AgentWire.Result r) {
        if (r.monitor() == null || r.outcome() == null) throw new ApiErrors.BadRequest("results[].monitor", "monitor and outcome are required");
        CheckOutcome outcome;
        try {
            outcome = CheckOutcome.valueOf(r.outcome().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiErrors.BadRequest("results[].outcome", "'" + r.outcome() + "' is not up, degraded or down");
        }
        if (r.seq() < 1) throw new ApiErrors.BadRequest("results[].seq", "must be at least 1");
        return new MonitorResult(r.monitor(), vantage, new CheckResult(outcome, Instant.ofEpochMilli(r.startedAtMs()),
                Duration.ofMillis(Math.max(0, r.latencyMs())), r.message()));
    }

    private void reply(Context ctx, Object body) {
        try {
            ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsBytes(body));
        } catch (Exception e) {
            throw new IllegalStateException("cannot write agent API answer", e);
        }
    }
}
