package io.noroshi.monitor;

import io.noroshi.probe.CheckResult;
import java.util.Objects;

/** One check result of one monitor from one vantage point: the unit every result path carries. */
public record MonitorResult(String monitorId, String vantage, CheckResult result) {
    public MonitorResult {
        Objects.requireNonNull(monitorId, "monitorId");
        Objects.requireNonNull(vantage, "vantage");
        Objects.requireNonNull(result, "result");
    }
}
