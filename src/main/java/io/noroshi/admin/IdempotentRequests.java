package io.noroshi.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.noroshi.account.Actor;
import io.noroshi.account.ApiTokens;
import io.noroshi.admin.IdempotencyClaim.KeyTaken;
import io.noroshi.admin.IdempotencyClaim.Pending;
import io.noroshi.retry.IdempotencyKeys;
import io.noroshi.retry.IdempotencyKeys.StoredAnswer;
import io.noroshi.web.ApiErrors.BadRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Safe retries of admin API writes. A write sent with an {@code Idempotency-Key} stores the key in
 * the same transaction as its change (see {@link IdempotencyClaim}), then its answer (status and
 * body) under it. The same key with the same request within {@link #KEPT} gets that first answer
 * again and changes nothing; a retry arriving while the first is still answering waits for it; the
 * same key with another request is refused (422). A request that fails stores nothing, so its
 * retry runs afresh. Keys are the caller's own: another token's key of the same value is another key.
 */
public final class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    /** How long a first answer is kept for retries. */
    public static final Duration KEPT = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 255;
    private static final long PURGE_EVERY_MILLIS = Duration.ofHours(1).toMillis();
    /** How long a retry waits for the answer of the first request with its key, and how often it looks. */
    private static final int ANSWER_WAIT_LOOKS = 200;
    private static final long ANSWER_LOOK_MILLIS = 50;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final IdempotencyKeys keys;
    private final IdempotencyClaim claims;
    private final InstantSource clock;
    private final AtomicLong nextPurge = new AtomicLong();

    IdempotentRequests(IdempotencyKeys keys, IdempotencyClaim claims, InstantSource clock) {
        this.keys = keys;
        this.claims = claims;
        this.clock = clock;
    }

    /** Runs {@code handler} for a write: as it is without a key, else at most once per key. */
    void handle(Context ctx, Actor actor, ApiRoute.Handler handler) throws Exception {
        String key = ctx.header(HEADER);
        if (key == null) {
            handler.handle(ctx, actor);
            return;
        }
        check(key);
        String caller = actor.operatorId() + "/" + actor.label();
        String hash = hash(ctx);
        Instant now = clock.instant();
        Instant expired = now.minus(KEPT);
        // Optimistic: the key is not looked up first. A first request (nearly all of them) claims it inside
        // its change's transaction, where the key's uniqueness decides; only a request that did not claim it
        // (its change rolled back, it failed before changing anything, or it changes nothing) looks for an
        // earlier request with the key, and answers as that one did. One read less per write.
        claims.begin(new Pending(caller, key, hash, now, expired));
        Optional<StoredAnswer> first = Optional.empty();
        try {
            handler.handle(ctx, actor);
            if (claims.claimed()) keys.answer(caller, key, ctx.statusCode(), withoutSecret(String.valueOf(ctx.result())));
            else first = earlier(caller, key, expired);
        } catch (KeyTaken raced) {
            // Another request with this key stored its change first (ours rolled back): answer as it does.
            first = Optional.of(keys.find(caller, key).orElseThrow());
        } catch (RuntimeException refused) {
            // E.g. a retried "resolve" refused as a step from resolved: the first request's answer is the answer.
            if (!claims.claimed()) first = earlier(caller, key, expired);
            if (first.isEmpty()) throw refused;
        } finally {
            claims.end();
        }
        if (first.isPresent()) replay(ctx, caller, key, first.get(), hash);
        purgeNowAndThen(now);
    }

    private Optional<StoredAnswer> earlier(String caller, String key, Instant expired) {
        return keys.find(caller, key).filter(a -> !a.at().isBefore(expired));
    }

    private void replay(Context ctx, String caller, String key, StoredAnswer first, String hash) throws InterruptedException, IOException {
        if (!first.requestHash().equals(hash)) {
            throw new KeyReused("this Idempotency-Key was used at " + first.at() + " for another request; use a new key for a new request");
        }
        StoredAnswer answer = first;
        for (int look = 0; !answer.answered() && look < ANSWER_WAIT_LOOKS; look++) {
            Thread.sleep(ANSWER_LOOK_MILLIS);
            answer = keys.find(caller, key).orElse(answer);
        }
        if (!answer.answered()) {
            // Stored, but its answer was lost (the hub stopped between the two): say so instead of guessing.
            ctx.header("Idempotent-Replayed", "true");
            Params.json(ctx, 409, MAPPER.writeValueAsString(java.util.Map.of("error", "answer_unknown",
                    "message", "a request with this Idempotency-Key was applied, but its answer was not kept; read the result with GET")));
            return;
        }
        ctx.header("Idempotent-Replayed", "true");
        Params.json(ctx, answer.status(), answer.body());
    }

    /**
     * The answer as kept for replays: a new API token's secret is shown once and never stored, so
     * a replay of its creation says the token exists (id, prefix, scope) without the secret.
     */
    static String withoutSecret(String body) {
        if (!body.contains("\"token\":\"" + ApiTokens.PREFIX)) return body;
        try {
            var node = (ObjectNode) MAPPER.readTree(body);
            node.remove("token");
            node.put("token_shown", "only in the first answer; create another token if it was lost");
            return MAPPER.writeValueAsString(node);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("cannot remove the secret from an answer", e);
        }
    }

    private static void check(String key) {
        boolean visibleAscii = key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !visibleAscii) {
            throw new BadRequest(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters, e.g. a UUID");
        }
    }

    private static String hash(Context ctx) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((ctx.method().name() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(ctx.bodyAsBytes());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private void purgeNowAndThen(Instant now) {
        long due = nextPurge.get();
        if (now.toEpochMilli() >= due && nextPurge.compareAndSet(due, now.toEpochMilli() + PURGE_EVERY_MILLIS)) {
            keys.purge(now.minus(KEPT));
        }
    }

    /** The same key came with another request (HTTP 422). */
    public static final class KeyReused extends RuntimeException {
        KeyReused(String message) {
            super(message);
        }
    }
}
