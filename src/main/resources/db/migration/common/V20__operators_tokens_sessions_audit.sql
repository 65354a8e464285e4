-- Operators who run incidents, their login sessions, API tokens and the audit log of changes.
-- Portable SQL as in V1: times are UTC epoch milliseconds (BIGINT). No secret is stored in
-- clear: passwords as argon2id PHC strings, session ids, API and setup tokens as SHA-256 hex.

CREATE TABLE operators (
    id            VARCHAR(12)  PRIMARY KEY,
    email         VARCHAR(254) NOT NULL UNIQUE,
    password_hash TEXT         NOT NULL,
    created_at    BIGINT       NOT NULL
);

CREATE TABLE sessions (
    id_hash     VARCHAR(64) PRIMARY KEY,
    operator_id VARCHAR(12) NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
    -- The synchronizer token every admin form carries; useless without the session cookie.
    csrf_token  VARCHAR(64) NOT NULL,
    created_at  BIGINT      NOT NULL,
    expires_at  BIGINT      NOT NULL
);

CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
    id           VARCHAR(12) PRIMARY KEY,
    operator_id  VARCHAR(12) NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
    name         TEXT        NOT NULL,
    -- The first characters of the token, so a person can tell tokens apart; not enough to use one.
    prefix       VARCHAR(16) NOT NULL,
    token_hash   VARCHAR(64) NOT NULL UNIQUE,
    scope        VARCHAR(16) NOT NULL CHECK (scope IN ('read', 'incidents', 'admin')),
    created_at   BIGINT      NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);

-- At most one row: the hash of the one-time token that creates the first operator.
CREATE TABLE setup_tokens (
    token_hash VARCHAR(64) PRIMARY KEY,
    created_at BIGINT      NOT NULL
);

CREATE TABLE audit_log (
    seq         BIGINT      PRIMARY KEY,
    at          BIGINT      NOT NULL,
    actor       TEXT        NOT NULL,
    action      VARCHAR(64) NOT NULL,
    target      TEXT        NOT NULL,
    before_json TEXT        NOT NULL,
    after_json  TEXT        NOT NULL
);

CREATE INDEX audit_log_by_target ON audit_log (target, seq);

-- One row; its UPDATE ... RETURNING hands out audit_log.seq under a row lock, so concurrent
-- writers on PostgreSQL get one gap-free order, as incidents.last_seq does for updates.
CREATE TABLE audit_counter (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq BIGINT  NOT NULL
);

INSERT INTO audit_counter (id, last_seq) VALUES (1, 0);
