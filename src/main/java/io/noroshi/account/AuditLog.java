package io.noroshi.account;

import java.time.Instant;
import java.util.List;

/** Append-only record of every change made through the hub, newest last. */
public interface AuditLog {

    /** Appends one entry; {@code before} and {@code after} are JSON texts. Returns it with its sequence number. */
    AuditEntry append(Instant at, String actor, String action, String target, String before, String after);

    /** Newest first; {@code target} empty for every target, else entries of that target only. */
    List<AuditEntry> recent(String target, int limit);

    /** As {@link #recent}, only entries older than sequence number {@code beforeSeq}: the next page after it. */
    List<AuditEntry> before(String target, long beforeSeq, int limit);
}
