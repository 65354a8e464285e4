-- Current component statuses and the daily uptime behind the 90-day bars.

CREATE TABLE component_states (
    component_id TEXT        PRIMARY KEY,
    status       VARCHAR(24) NOT NULL CHECK (status IN ('operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance')),
    updated_at   BIGINT      NOT NULL,
    overridden   BOOLEAN     NOT NULL
);

-- day is an ISO date (YYYY-MM-DD) in the page's time zone: text sorts and compares as the
-- date does on both engines, and SQLite has no date type.
CREATE TABLE daily_uptime (
    component_id        TEXT    NOT NULL,
    day                 VARCHAR(10) NOT NULL,
    operational_seconds BIGINT  NOT NULL,
    degraded_seconds    BIGINT  NOT NULL,
    outage_seconds      BIGINT  NOT NULL,
    maintenance_seconds BIGINT  NOT NULL,
    PRIMARY KEY (component_id, day)
);

CREATE INDEX daily_uptime_by_day ON daily_uptime (day);
