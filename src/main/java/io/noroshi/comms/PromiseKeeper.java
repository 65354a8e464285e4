package io.noroshi.comms;

import io.noroshi.incident.Incident;

/** Keeps what each update promised (placeholder until the store exists). */
public interface PromiseKeeper {
    void posted(Incident after, CommsUpdates.Structured given);
}
