package io.noroshi.admin;

import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import java.time.Instant;
import java.util.List;

/** A maintenance window as submitted; {@code autoStart}/{@code autoComplete}: the hub starts/completes it at its times. */
public record MaintenanceDraft(Text name, Impact impact, Instant from, Instant until, List<String> componentIds, Text body,
                               boolean autoStart, boolean autoComplete) {
    public MaintenanceDraft {
        componentIds = List.copyOf(componentIds);
    }

    public MaintenanceDraft(Text name, Impact impact, Instant from, Instant until, List<String> componentIds, Text body) {
        this(name, impact, from, until, componentIds, body, false, false);
    }
}
