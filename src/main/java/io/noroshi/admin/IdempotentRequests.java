package io.noroshi.admin;

import io.javalin.http.Context;
import io.noroshi.account.Actor;
import io.noroshi.retry.IdempotencyKeys;
import io.noroshi.retry.IdempotencyKeys.StoredAnswer;
import io.noroshi.web.ApiErrors.BadRequest;
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
 * Safe retries of admin API writes. A write sent with an {@code Idempotency-Key} header stores its
 * answer (status and body) under that key in the same transaction as the change; the same key with
 * the same request within {@link #KEPT} gets that first answer again and changes nothing, the same
 * key with another request is refused (422). A request that fails stores nothing, so its retry runs
 * afresh. Keys are the caller's own: another token's key of the same value is another key.
 */
public final class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    /** How long a first answer is kept for retries. */
    public static final Duration KEPT = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 255;
    private static final long PURGE_EVERY_MILLIS = Duration.ofHours(1).toMillis();

    private final IdempotencyKeys keys;
    private final AuditedWrite writes;
    private final InstantSource clock;
    private final AtomicLong nextPurge = new AtomicLong();

    public IdempotentRequests(IdempotencyKeys keys, AuditedWrite writes, InstantSource clock) {
        this.keys = keys;
        this.writes = writes;
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
        Optional<StoredAnswer> first = keys.find(caller, key).filter(a -> !a.at().isBefore(expired));
        if (first.isPresent()) {
            replay(ctx, first.get(), hash);
            return;
        }
        try {
            writes.request(() -> {
                run(handler, ctx, actor);
                if (!keys.store(caller, key, new StoredAnswer(hash, ctx.statusCode(), String.valueOf(ctx.result()), now), expired)) {
                    throw new KeyTaken();
                }
                return null;
            });
        } catch (KeyTaken raced) {
            // Another request with this key committed first: answer as it did.
            replay(ctx, keys.find(caller, key).orElseThrow(), hash);
        } catch (Failed failed) {
            throw failed.cause;
        }
        purgeNowAndThen(now);
    }

    private static void replay(Context ctx, StoredAnswer first, String hash) {
        if (!first.requestHash().equals(hash)) {
            throw new KeyReused("this Idempotency-Key was used at " + first.at() + " for another request; use a new key for a new request");
        }
        ctx.header("Idempotent-Replayed", "true");
        Params.json(ctx, first.status(), first.body());
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

    private static void run(ApiRoute.Handler handler, Context ctx, Actor actor) {
        try {
            handler.handle(ctx, actor);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new Failed(e);
        }
    }

    /** The same key came with another request (HTTP 422). */
    public static final class KeyReused extends RuntimeException {
        KeyReused(String message) {
            super(message);
        }
    }

    /** Rolls the request's transaction back: another request stored the key first. */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }

    /** Carries a checked exception of a handler through the transaction. */
    private static final class Failed extends RuntimeException {
        final Exception cause;

        Failed(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
