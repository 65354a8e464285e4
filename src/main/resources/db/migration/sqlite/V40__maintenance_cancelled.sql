-- A cancelled maintenance keeps its own status instead of passing for completed.
-- SQLite cannot change a CHECK constraint, so the table is rebuilt. Foreign keys are enforced and
-- Flyway runs this in a transaction (where they cannot be switched off), and dropping a table
-- deletes its rows first, which would cascade into the child tables: so the children are set
-- aside and dropped first, and rebuilt after the new parent has taken the old name.
CREATE TABLE maintenance_new (
    id              VARCHAR(12) PRIMARY KEY,
    name            TEXT        NOT NULL,
    status          VARCHAR(16) NOT NULL CHECK (status IN ('scheduled', 'in_progress', 'verifying', 'completed', 'cancelled')),
    impact          VARCHAR(8)  NOT NULL CHECK (impact IN ('none', 'minor', 'major', 'critical')),
    scheduled_for   BIGINT      NOT NULL,
    scheduled_until BIGINT      NOT NULL,
    created_at      BIGINT      NOT NULL,
    updated_at      BIGINT      NOT NULL,
    last_seq        INTEGER     NOT NULL
);
INSERT INTO maintenance_new SELECT id, name, status, impact, scheduled_for, scheduled_until, created_at, updated_at, last_seq FROM maintenance;

CREATE TEMPORARY TABLE maintenance_components_kept AS SELECT * FROM maintenance_components;
CREATE TEMPORARY TABLE maintenance_updates_kept AS SELECT * FROM maintenance_updates;
DROP TABLE maintenance_components;
DROP TABLE maintenance_updates;
DROP TABLE maintenance;
ALTER TABLE maintenance_new RENAME TO maintenance;
CREATE INDEX maintenance_by_window ON maintenance (scheduled_for, id);

CREATE TABLE maintenance_components (
    maintenance_id VARCHAR(12) NOT NULL REFERENCES maintenance (id) ON DELETE CASCADE,
    position       INTEGER     NOT NULL,
    component_id   TEXT        NOT NULL,
    PRIMARY KEY (maintenance_id, position)
);
INSERT INTO maintenance_components SELECT maintenance_id, position, component_id FROM maintenance_components_kept;

CREATE TABLE maintenance_updates (
    id             VARCHAR(12) PRIMARY KEY,
    maintenance_id VARCHAR(12) NOT NULL REFERENCES maintenance (id) ON DELETE CASCADE,
    seq            INTEGER     NOT NULL,
    status         VARCHAR(16) NOT NULL,
    body           TEXT        NOT NULL,
    created_at     BIGINT      NOT NULL,
    UNIQUE (maintenance_id, seq)
);
INSERT INTO maintenance_updates SELECT id, maintenance_id, seq, status, body, created_at FROM maintenance_updates_kept;
DROP TABLE maintenance_components_kept;
DROP TABLE maintenance_updates_kept;
