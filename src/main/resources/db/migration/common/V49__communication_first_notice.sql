-- First notices (io.noroshi.comms, issue 14): the draft incident a confirmed outage opens, who owns it,
-- when it was detected, drafted and published; and what a recovery verdict suggests for an open incident.

CREATE TABLE comms_drafts (
    id            VARCHAR(12)  PRIMARY KEY,
    component_id  VARCHAR(200) NOT NULL,
    monitor_id    VARCHAR(200) NOT NULL,
    impact        VARCHAR(8)   NOT NULL CHECK (impact IN ('none', 'minor', 'major', 'critical')),
    detected_at   BIGINT       NOT NULL,
    drafted_at    BIGINT       NOT NULL,
    publish_at    BIGINT,
    state         VARCHAR(12)  NOT NULL CHECK (state IN ('pending', 'taken', 'published', 'dismissed', 'recovered')),
    owner         TEXT,
    incident_id   VARCHAR(12),
    published_at  BIGINT,
    name          TEXT         NOT NULL,
    body          TEXT         NOT NULL
);

CREATE INDEX comms_drafts_by_state ON comms_drafts (state, component_id);

CREATE TABLE comms_suggestions (
    incident_id  VARCHAR(12) NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    at           BIGINT      NOT NULL,
    step         VARCHAR(16) NOT NULL,
    message      TEXT        NOT NULL,
    PRIMARY KEY (incident_id, at, step)
);
