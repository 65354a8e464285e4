package io.noroshi.monitor;

import io.noroshi.config.Monitor;
import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import io.noroshi.probe.tcp.TcpProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Monitors and results for engine tests, with the config's defaults. */
final class Monitors {

    private Monitors() {
    }

    static Monitor tcp(String id, String component, List<String> vantagePoints, Duration interval) {
        return new Monitor(id, new TcpProbe("127.0.0.1", 9, Duration.ofSeconds(1)), interval, 0, Optional.ofNullable(component),
                Optional.empty(), vantagePoints, Optional.empty(), Monitor.DEFAULT_CONFIRMATIONS, Monitor.DEFAULT_RECOVERIES);
    }

    static MonitorResult result(String monitor, String vantage, CheckOutcome outcome, Instant at) {
        return new MonitorResult(monitor, vantage, new CheckResult(outcome, at, Duration.ofMillis(3),
                outcome == CheckOutcome.DOWN ? "connection refused" : ""));
    }
}
