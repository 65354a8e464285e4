package io.noroshi.testing;

import java.util.SplittableRandom;

/**
 * Seeded random tests on plain JUnit: a property is checked on a fixed number of random cases,
 * each drawn from its own generator, so any failing case can be replayed alone.
 *
 * <p>The seed is {@code -Dnoroshi.seed=N} when given, else {@link #DEFAULT_SEED}, so a run is the
 * same on every machine. {@code -Dnoroshi.try=K} runs only try K. A failure names the property,
 * the seed and the try, and the command-line flags that replay it.
 */
public final class SeededTries {

    public static final long DEFAULT_SEED = 20_261_202L;

    /** One property: the body gets the case's generator and throws (an assertion) when the property fails. */
    @FunctionalInterface
    public interface Check {
        void check(Cases cases) throws Exception;
    }

    private SeededTries() {
    }

    /** Runs {@code check} on {@code tries} random cases; rethrows the first failure with its seed and try. */
    public static void check(String property, int tries, Check check) {
        long seed = Long.getLong("noroshi.seed", DEFAULT_SEED);
        Integer only = Integer.getInteger("noroshi.try");
        for (int attempt = 0; attempt < tries; attempt++) {
            if (only != null && only != attempt) continue;
            Cases cases = new Cases(new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (attempt + 1))), attempt);
            try {
                check.check(cases);
            } catch (Throwable failure) {
                throw new AssertionError(("property '%s' failed on try %d of %d, seed %d; replay with -Dnoroshi.seed=%d -Dnoroshi.try=%d"
                        + "%ncase: %s%n%s").formatted(property, attempt, tries, seed, seed, attempt, cases.drawn(),
                        failure.getMessage()), failure);
            }
        }
    }
}
