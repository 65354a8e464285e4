-- Incidents, their updates and the components each update changed.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Times are UTC epoch milliseconds
-- (BIGINT) so both engines round-trip an Instant identically; texts are JSON objects
-- {"en": ..., "ja": ...} stored as TEXT.

CREATE TABLE incidents (
    id           VARCHAR(12) PRIMARY KEY,
    name         TEXT        NOT NULL,
    status       VARCHAR(16) NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved', 'postmortem')),
    impact       VARCHAR(8)  NOT NULL CHECK (impact IN ('none', 'minor', 'major', 'critical')),
    created_at   BIGINT      NOT NULL,
    updated_at   BIGINT      NOT NULL,
    postmortem   TEXT        NOT NULL,
    -- Sequence of the last update; bumped by the same UPDATE that takes the row lock,
    -- which is what keeps concurrent writers' updates gap-free and in one order.
    last_seq     INTEGER     NOT NULL
);

CREATE INDEX incidents_by_created ON incidents (created_at, id);

CREATE TABLE incident_updates (
    id           VARCHAR(12) PRIMARY KEY,
    incident_id  VARCHAR(12) NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    seq          INTEGER     NOT NULL,
    status       VARCHAR(16) NOT NULL,
    body         TEXT        NOT NULL,
    created_at   BIGINT      NOT NULL,
    UNIQUE (incident_id, seq)
);

CREATE TABLE incident_update_components (
    update_id    VARCHAR(12) NOT NULL REFERENCES incident_updates (id) ON DELETE CASCADE,
    position     INTEGER     NOT NULL,
    component_id TEXT        NOT NULL,
    old_status   VARCHAR(24) NOT NULL,
    new_status   VARCHAR(24) NOT NULL,
    PRIMARY KEY (update_id, position)
);
