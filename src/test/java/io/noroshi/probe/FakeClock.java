package io.noroshi.probe;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when a test says so: heartbeats and certificate ages without sleeping. */
public final class FakeClock implements InstantSource {

    private volatile Instant now;

    public FakeClock(Instant start) {
        this.now = start;
    }

    /** Starts at the real current time, for tests that mix it with real certificates. */
    public static FakeClock atSystemTime() {
        return new FakeClock(Instant.now());
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration step) {
        now = now.plus(step);
    }
}
