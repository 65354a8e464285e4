package io.noroshi.account;

import java.time.Instant;

/**
 * One change in the audit log.
 *
 * @param seq    position in the log, gap-free and increasing
 * @param actor  who made it ({@link Actor#label()})
 * @param action what was done, e.g. {@code incident.update}, {@code token.revoke}
 * @param target what it was done to, e.g. {@code incident/abc123}
 * @param before JSON of the target before the change ({@code null} JSON when it did not exist)
 * @param after  JSON of the target after it (never holds a secret)
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String target, String before, String after) {
}
