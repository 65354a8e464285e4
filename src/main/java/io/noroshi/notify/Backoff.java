package io.noroshi.notify;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: exponential from {@link #FIRST} (doubling per try, at most {@link #LONGEST}),
 * with jitter (a random point in the upper half of the wait, so many deliveries failed together do not come back
 * together), and never sooner than the service's {@code Retry-After}.
 */
public record Backoff(Duration first, Duration longest, RandomGenerator random) {

    public static final Duration FIRST = Duration.ofSeconds(10);
    public static final Duration LONGEST = Duration.ofHours(1);

    public static Backoff standard() {
        return new Backoff(FIRST, LONGEST, RandomGenerator.getDefault());
    }

    /** The wait after try number {@code attempts} (1 for the first try). */
    public Duration after(int attempts, Optional<Duration> retryAfter) {
        long base = first.toMillis() << Math.min(20, Math.max(0, attempts - 1));
        long capped = Math.min(base, longest.toMillis());
        long jittered = capped / 2 + (capped / 2 == 0 ? 0 : random.nextLong(capped / 2 + 1));
        long wait = Math.max(jittered, retryAfter.map(Duration::toMillis).orElse(0L));
        return Duration.ofMillis(wait);
    }
}
