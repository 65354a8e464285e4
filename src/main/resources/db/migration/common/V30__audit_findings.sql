-- Findings of the scheduled live DNS audit, per domain, kept across restarts so an old finding is
-- not raised again as new. Portable SQL as in V1: times are UTC epoch milliseconds (BIGINT).
-- 30: the audit's block, after monitoring (10) and accounts (20).

CREATE TABLE audit_findings (
    domain       TEXT        NOT NULL,
    -- SHA-256 hex of the finding's identity (rule, severity, evidence): evidence lists can be long.
    identity     VARCHAR(64) NOT NULL,
    rule         TEXT        NOT NULL,
    severity     VARCHAR(8)  NOT NULL CHECK (severity IN ('error', 'warning', 'notice', 'info')),
    message      TEXT        NOT NULL,
    -- JSON array of strings, one fact per line
    evidence     TEXT        NOT NULL,
    first_seen   BIGINT      NOT NULL,
    last_seen    BIGINT      NOT NULL,
    -- NULL while the finding is open
    resolved_at  BIGINT,
    PRIMARY KEY (domain, identity)
);

CREATE TABLE audit_runs (
    domain        TEXT    PRIMARY KEY,
    ran_at        BIGINT  NOT NULL,
    -- NULL when the latest run succeeded
    error         TEXT,
    succeeded_at  BIGINT
);
