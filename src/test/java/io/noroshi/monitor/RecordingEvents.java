package io.noroshi.monitor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects published verdict changes for assertions. */
public final class RecordingEvents {

    public final List<VerdictChange> changes = new CopyOnWriteArrayList<>();

    MonitorEvents subscribedTo(MonitorEvents events) {
        events.subscribe(changes::add);
        return events;
    }

    public List<Verdict> verdicts() {
        return changes.stream().map(VerdictChange::to).toList();
    }
}
