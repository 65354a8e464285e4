-- Scheduled maintenance windows, their updates and the components they cover.
-- Same conventions as V1: epoch milliseconds, JSON texts, portable SQL.

CREATE TABLE maintenance (
    id              VARCHAR(12) PRIMARY KEY,
    name            TEXT        NOT NULL,
    status          VARCHAR(16) NOT NULL CHECK (status IN ('scheduled', 'in_progress', 'verifying', 'completed')),
    impact          VARCHAR(8)  NOT NULL CHECK (impact IN ('none', 'minor', 'major', 'critical')),
    scheduled_for   BIGINT      NOT NULL,
    scheduled_until BIGINT      NOT NULL,
    created_at      BIGINT      NOT NULL,
    updated_at      BIGINT      NOT NULL,
    last_seq        INTEGER     NOT NULL
);

CREATE INDEX maintenance_by_window ON maintenance (scheduled_for, id);

CREATE TABLE maintenance_components (
    maintenance_id VARCHAR(12) NOT NULL REFERENCES maintenance (id) ON DELETE CASCADE,
    position       INTEGER     NOT NULL,
    component_id   TEXT        NOT NULL,
    PRIMARY KEY (maintenance_id, position)
);

CREATE TABLE maintenance_updates (
    id             VARCHAR(12) PRIMARY KEY,
    maintenance_id VARCHAR(12) NOT NULL REFERENCES maintenance (id) ON DELETE CASCADE,
    seq            INTEGER     NOT NULL,
    status         VARCHAR(16) NOT NULL,
    body           TEXT        NOT NULL,
    created_at     BIGINT      NOT NULL,
    UNIQUE (maintenance_id, seq)
);
