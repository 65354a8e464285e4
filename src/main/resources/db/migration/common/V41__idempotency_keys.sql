-- The first answer to each admin write sent with an Idempotency-Key, so a retry of the same
-- request gets that answer instead of storing the change twice. Written in the same transaction
-- as the change itself; kept 24 hours.
CREATE TABLE idempotency_keys (
    caller       TEXT         NOT NULL,
    idem_key     VARCHAR(255) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    status       INTEGER      NOT NULL,
    body         TEXT         NOT NULL,
    created_at   BIGINT       NOT NULL,
    PRIMARY KEY (caller, idem_key)
);

CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
