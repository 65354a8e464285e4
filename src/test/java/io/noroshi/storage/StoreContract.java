package io.noroshi.storage;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the store contract tests: each subclass is a {@code @ParameterizedClass} over {@link Engine},
 * so every test runs against a fresh SQLite file and a fresh PostgreSQL database alike.
 */
abstract class StoreContract {

    /** A base time with milliseconds, so a store that drops them fails. */
    static final Instant T0 = Instant.parse("2026-03-01T09:15:30.123Z");

    final Engine engine;
    @TempDir
    Path tempDir;
    FreshDatabase fresh;

    StoreContract(Engine engine) {
        this.engine = engine;
    }

    @BeforeEach
    void openFreshDatabase() {
        fresh = FreshDatabase.open(engine, tempDir);
    }

    @AfterEach
    void dropDatabase() {
        if (fresh != null) {
            fresh.close();
        }
    }

    Database db() {
        return fresh.db();
    }

    static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }
}
