package io.noroshi.subscriber;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Subscribe requests per address and per client address within the last hour. Addresses are kept only as
 * hashes, and only in memory (a restart forgets them, which a public form can live with).
 */
public final class SubscribeThrottle {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_KEYS = 100_000;

    private final int perAddress;
    private final int perClient;
    private final InstantSource clock;
    private final Map<String, ArrayDeque<Long>> seen = new HashMap<>();

    public SubscribeThrottle(int perAddress, int perClient, InstantSource clock) {
        this.perAddress = perAddress;
        this.perClient = perClient;
        this.clock = clock;
    }

    /** Counts the request and says whether it may go on. */
    public synchronized boolean allow(String address, String client) {
        long now = clock.millis();
        if (seen.size() > MAX_KEYS) seen.clear();
        String a = "a:" + hash(address);
        String c = "c:" + client;
        boolean ok = recent(a, now) < perAddress && recent(c, now) < perClient;
        if (ok) {
            seen.computeIfAbsent(a, k -> new ArrayDeque<>()).addLast(now);
            seen.computeIfAbsent(c, k -> new ArrayDeque<>()).addLast(now);
        }
        return ok;
    }

    private int recent(String key, long now) {
        ArrayDeque<Long> times = seen.get(key);
        if (times == null) return 0;
        while (!times.isEmpty() && times.peekFirst() <= now - WINDOW.toMillis()) times.pollFirst();
        return times.size();
    }

    private static String hash(String address) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
