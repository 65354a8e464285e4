package io.noroshi.audit;

/** Something the audit raises inside the hub for others to act on (notifications will subscribe). */
public sealed interface AuditEvent {

    /** The scheduled live audit found something that was not open before: first seen, or back after being resolved. */
    record NewFinding(TrackedFinding finding) implements AuditEvent {
    }
}
