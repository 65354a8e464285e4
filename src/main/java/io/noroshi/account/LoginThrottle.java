package io.noroshi.account;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Limits password guessing: after {@link #MAX_FAILURES} failed logins within {@link #WINDOW} from
 * one address, or for one account, further attempts are refused until the oldest failure ages out.
 * Kept in memory: a restart forgets it, which costs an attacker a restart of someone else's hub.
 */
public final class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Keys kept before aged-out ones are swept, so a spray from many addresses cannot grow the map without end. */
    static final int SWEEP_ABOVE = 10_000;

    private final InstantSource clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public LoginThrottle(InstantSource clock) {
        this.clock = clock;
    }

    /** @throws TooManyAttempts when the address or the account is locked out now */
    public synchronized void check(String address, String account) {
        Instant now = clock.instant();
        Duration wait = waitFor("ip:" + address, now).compareTo(waitFor("account:" + account, now)) >= 0
                ? waitFor("ip:" + address, now) : waitFor("account:" + account, now);
        if (!wait.isZero()) throw new TooManyAttempts(wait);
    }

    public synchronized void failed(String address, String account) {
        Instant now = clock.instant();
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(times -> !times.peekLast().plus(WINDOW).isAfter(now));
        }
        failures.computeIfAbsent("ip:" + address, k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent("account:" + account, k -> new ArrayDeque<>()).addLast(now);
    }

    /** A success clears the account's failures (not the address's: one right guess must not reset a spray). */
    public synchronized void succeeded(String account) {
        failures.remove("account:" + account);
    }

    private Duration waitFor(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) return Duration.ZERO;
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) times.removeFirst();
        if (times.isEmpty()) {
            failures.remove(key);
            return Duration.ZERO;
        }
        if (times.size() < MAX_FAILURES) return Duration.ZERO;
        return Duration.between(now, times.peekFirst().plus(WINDOW));
    }
}
