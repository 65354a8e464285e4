package io.noroshi.monitor;

import java.time.Instant;
import java.util.List;

/**
 * An event: a monitor's verdict changed. The communication layer drafts a first notice from it.
 *
 * @param evidence one line per vantage point: its name, its last outcome and message
 */
public record VerdictChange(String monitorId, Verdict from, Verdict to, Instant at, List<String> evidence) {
    public VerdictChange {
        evidence = List.copyOf(evidence);
    }
}
