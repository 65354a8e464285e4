package io.noroshi.admin;

import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import java.time.Instant;
import java.util.List;

/** A maintenance window as submitted. */
public record MaintenanceDraft(Text name, Impact impact, Instant from, Instant until, List<String> componentIds, Text body) {
    public MaintenanceDraft {
        componentIds = List.copyOf(componentIds);
    }
}
