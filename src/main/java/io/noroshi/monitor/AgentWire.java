package io.noroshi.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The payloads of the agent API ({@code /api/agent/v1/}), shared by the hub and the agent.
 * Times are epoch milliseconds; durations milliseconds.
 */
public final class AgentWire {

    /** The header an agent names its version in. */
    public static final String VERSION_HEADER = "X-Noroshi-Agent-Version";
    /** This build's agent version; kept equal to the command line's {@code --version}. */
    public static final String VERSION = "0.1.0";

    private AgentWire() {
    }

    /** One check assigned to an agent. */
    public record Assignment(String monitor, long intervalMs, int retries, JsonNode probe) {
    }

    /**
     * {@code GET checks}: everything the calling agent should run.
     *
     * @param lastSequence the highest result sequence the hub has stored from this agent; a new
     *                     agent buffer continues above it
     */
    public record Checks(String vantage, long lastSequence, List<Assignment> checks) {
    }

    /**
     * One result as an agent sends it.
     *
     * @param seq     the agent's own sequence number, growing by one per result, never reused
     * @param outcome up, degraded or down
     */
    public record Result(long seq, String monitor, String outcome, long startedAtMs, long latencyMs, String message) {
    }

    /** {@code POST results} body: results in sequence order. */
    public record Batch(List<Result> results) {
    }

    /**
     * {@code POST results} answer: everything up to {@code acknowledged} is stored (or refused); drop it.
     *
     * @param refused how many results of the batch were refused: their monitor is not assigned to this agent
     */
    public record Ack(long acknowledged, int refused) {
    }
}
