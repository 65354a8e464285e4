package io.noroshi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {

    private static final long MB = 1024 * 1024;

    @ParameterizedTest(name = "heap {0} MB, {1} descriptors -> {2} connections")
    @CsvSource({
            // the default heap: 30% of 64 MB at 3 KB a connection
            "64, 20000, 6553",
            // a small open-file limit wins over the heap, keeping descriptors for the database and probes
            "64, 4096, 3584",
            "64, 1024, 512",
            // a larger heap allows more, up to the descriptors
            "256, 20000, 19488",
            "128, 20000, 13107",
            // a tiny descriptor limit still leaves a usable floor
            "64, 100, 64",
    })
    void capFollowsTheHeapAndTheOpenFileLimit(long heapMb, long descriptors, int expected) {
        assertThat(ConnectionLimits.forMachine(heapMb * MB, descriptors).maxConnections()).isEqualTo(expected);
    }

    @Test
    void bufferPoolIsASixteenthOfTheHeapAtMostSixteenMegabytes() {
        assertThat(ConnectionLimits.forMachine(64 * MB, 20000).bufferPoolBytes()).isEqualTo(4 * MB);
        assertThat(ConnectionLimits.forMachine(1024 * MB, 20000).bufferPoolBytes()).isEqualTo(16 * MB);
    }

    @Test
    void anOperatorsCapReplacesTheDerivedOne() {
        var limits = ConnectionLimits.forMachine(64 * MB, 20000);
        assertThat(limits.withMaxConnections(500).maxConnections()).isEqualTo(500);
        assertThat(limits.withMaxConnections(null)).isEqualTo(limits);
    }

    @Test
    void zeroConnectionsIsRefused() {
        assertThatThrownBy(() -> new ConnectionLimits(0, Duration.ofSeconds(30), Duration.ofSeconds(2), MB))
                .hasMessageContaining("max connections must be at least 1");
    }

    @Test
    void theIdleTimeoutWhenFullIsNeverLongerThanTheUsualOne() {
        var limits = new ConnectionLimits(10, Duration.ofSeconds(1), Duration.ofSeconds(5), MB);
        assertThat(limits.idleTimeoutWhenFull()).isEqualTo(Duration.ofSeconds(1));
    }
}
