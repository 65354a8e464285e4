package io.noroshi.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.monitor.AgentWire;
import io.noroshi.monitor.MonitorResult;
import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultBufferTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00.250Z");

    @TempDir
    Path dir;

    private static MonitorResult result(int n) {
        return new MonitorResult("web", "osaka", new CheckResult(n % 2 == 0 ? CheckOutcome.UP : CheckOutcome.DOWN,
                T0.plusSeconds(30L * n), Duration.ofMillis(n), "check " + n));
    }

    @Test
    void resultsSurviveARestartInOrderWithTheirNumbers() {
        try (var buffer = new ResultBuffer(dir)) {
            for (int n = 1; n <= 3; n++) buffer.append(result(n));
        }

        try (var reopened = new ResultBuffer(dir)) {
            assertThat(reopened.oldest(10)).extracting(AgentWire.Result::seq).containsExactly(1L, 2L, 3L);
            assertThat(reopened.oldest(10).getFirst()).isEqualTo(new AgentWire.Result(1, "web", "down", T0.plusSeconds(30).toEpochMilli(), 1, "check 1"));
            assertThat(reopened.append(result(4)).seq()).isEqualTo(4);
        }
    }

    @Test
    void anAcknowledgementTruncatesTheFileAndNumbersNeverRepeat() throws Exception {
        try (var buffer = new ResultBuffer(dir)) {
            for (int n = 1; n <= 5; n++) buffer.append(result(n));

            buffer.acknowledge(3);

            assertThat(buffer.oldest(10)).extracting(AgentWire.Result::seq).containsExactly(4L, 5L);
            assertThat(Files.readAllLines(dir.resolve(ResultBuffer.FILE))).hasSize(2);
            buffer.acknowledge(5);
            assertThat(Files.size(dir.resolve(ResultBuffer.FILE))).isZero();
        }
        try (var reopened = new ResultBuffer(dir)) {
            assertThat(reopened.size()).isZero();
            assertThat(reopened.append(result(6)).seq()).isEqualTo(6);
        }
    }

    @Test
    void aLineTornByACrashIsSkipped() throws Exception {
        try (var buffer = new ResultBuffer(dir)) {
            buffer.append(result(1));
        }
        Files.writeString(dir.resolve(ResultBuffer.FILE), "{\"seq\":2,\"monitor\":\"we", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (var reopened = new ResultBuffer(dir)) {
            assertThat(reopened.oldest(10)).extracting(AgentWire.Result::seq).containsExactly(1L);
        }
    }

    @Test
    void numberingContinuesAboveWhatTheHubAlreadyStored() {
        try (var buffer = new ResultBuffer(dir)) {
            buffer.continueAbove(41);

            assertThat(buffer.append(result(1)).seq()).isEqualTo(42);
        }
    }
}
