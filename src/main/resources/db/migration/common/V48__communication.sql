-- Communication during an incident (io.noroshi.comms, issue 14). Portable SQL; times are UTC epoch milliseconds.

-- What each posted update promised: the next update by when (null for a final update).
CREATE TABLE comms_promises (
    incident_id     VARCHAR(12) NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    update_id       VARCHAR(12) NOT NULL,
    posted_at       BIGINT      NOT NULL,
    next_update_by  BIGINT,
    PRIMARY KEY (incident_id, update_id)
);

-- Every estimate of recovery given, revised, declared unknown, or missed (passed without resolution).
CREATE TABLE comms_estimates (
    incident_id  VARCHAR(12) NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    at           BIGINT      NOT NULL,
    kind         VARCHAR(8)  NOT NULL CHECK (kind IN ('given', 'revised', 'unknown', 'missed')),
    estimate_at  BIGINT,
    confidence   VARCHAR(8)  CHECK (confidence IN ('low', 'medium', 'high', 'unknown')),
    PRIMARY KEY (incident_id, at, kind)
);

-- Reminders and warnings sent to the team, once each: (incident, kind, deadline) is claimed before sending.
CREATE TABLE comms_reminders (
    incident_id  VARCHAR(12)  NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    kind         VARCHAR(32)  NOT NULL,
    due_at       BIGINT       NOT NULL,
    sent_at      BIGINT       NOT NULL,
    recipients   TEXT         NOT NULL,
    message      TEXT         NOT NULL,
    PRIMARY KEY (incident_id, kind, due_at)
);
