package io.noroshi.monitor;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.noroshi.config.Monitor;
import io.noroshi.probe.heartbeat.HeartbeatLedger;
import io.noroshi.probe.heartbeat.HeartbeatProbe;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The heartbeat push URL: {@code GET} or {@code POST /api/heartbeat/{id}/{secret}}, or
 * {@code /api/heartbeat/{id}} with the secret in {@code Authorization: Bearer SECRET}. The secret is
 * compared as a SHA-256 hash in constant time. An unknown id and a wrong secret get the same 404,
 * so ids (not secret, listed in configs and metrics) say nothing about what would be accepted.
 */
public final class HeartbeatPushes {

    /** Compared against when the id is unknown, so that answer takes as long as a wrong secret. */
    private static final byte[] NOTHING = new byte[32];
    static final String REFUSED = "no heartbeat with this id and secret";

    private final MonitorEngine engine;
    private final HeartbeatLedger ledger;

    public HeartbeatPushes(MonitorEngine engine, HeartbeatLedger ledger) {
        this.engine = engine;
        this.ledger = ledger;
    }

    /** Handler of both push routes and both methods. */
    public void push(Context ctx) {
        String id = ctx.pathParam("id");
        String secret = ctx.pathParamMap().containsKey("secret") ? ctx.pathParam("secret") : bearer(ctx);
        Optional<HeartbeatProbe> probe = engine.monitor(id).map(Monitor::probe)
                .filter(HeartbeatProbe.class::isInstance).map(HeartbeatProbe.class::cast);
        byte[] expected = probe.flatMap(HeartbeatProbe::secretSha256).map(HexFormat.of()::parseHex).orElse(NOTHING);
        byte[] given = AgentTokens.sha256Of(secret == null ? "" : secret);
        boolean matches = MessageDigest.isEqual(expected, given) & probe.flatMap(HeartbeatProbe::secretSha256).isPresent();
        ctx.header("Cache-Control", "no-store");
        // ApiErrors answers this 404 without echoing the path (and so the secret tried).
        if (!matches || secret == null || secret.isEmpty()) throw new NotFoundResponse(REFUSED);
        ledger.recordPush(id);
        ctx.json(Map.of("heartbeat", id, "recorded", true));
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    }
}
