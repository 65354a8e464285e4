-- Raw check results of the monitors, kept for the retention period (monitoring.retention),
-- then folded into hourly aggregates. Times are epoch milliseconds.

CREATE TABLE check_results (
    monitor_id  TEXT        NOT NULL,
    vantage     TEXT        NOT NULL,
    outcome     VARCHAR(8)  NOT NULL CHECK (outcome IN ('up', 'degraded', 'down')),
    started_at  BIGINT      NOT NULL,
    latency_ms  BIGINT      NOT NULL,
    message     TEXT        NOT NULL
);

CREATE INDEX check_results_by_monitor ON check_results (monitor_id, started_at);
CREATE INDEX check_results_by_time ON check_results (started_at);

CREATE TABLE check_results_hourly (
    monitor_id     TEXT    NOT NULL,
    vantage        TEXT    NOT NULL,
    hour           BIGINT  NOT NULL,
    up             BIGINT  NOT NULL,
    degraded       BIGINT  NOT NULL,
    down           BIGINT  NOT NULL,
    latency_ms_sum BIGINT  NOT NULL,
    latency_ms_max BIGINT  NOT NULL,
    PRIMARY KEY (monitor_id, vantage, hour)
);

-- The highest result sequence number stored per agent: re-sent batches are not counted twice.
CREATE TABLE agent_cursors (
    vantage       TEXT   PRIMARY KEY,
    last_sequence BIGINT NOT NULL
);
