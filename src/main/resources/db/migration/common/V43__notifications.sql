-- Subscribers, the notices told to them and the outbox of deliveries (issue 13).
-- Times are epoch milliseconds. No token is stored: links carry an HMAC over the subscriber's id,
-- made with notify_keys.link_key, and are checked by recomputing it.
CREATE TABLE notify_subscribers (
    id           VARCHAR(40)   NOT NULL PRIMARY KEY,
    kind         VARCHAR(16)   NOT NULL,           -- email | webhook
    address      VARCHAR(2048) NOT NULL,           -- lower-cased e-mail address, or the webhook URL
    lang         VARCHAR(8)    NOT NULL,
    components   TEXT          NOT NULL,           -- '' for all, else ',id1,id2,'
    state        VARCHAR(16)   NOT NULL,           -- pending | confirmed
    generation   INTEGER       NOT NULL,           -- bumped to invalidate earlier links
    created_at   BIGINT        NOT NULL,
    confirmed_at BIGINT,
    UNIQUE (kind, address)
);
CREATE INDEX notify_subscribers_fanout ON notify_subscribers (kind, state);

-- One hub-wide key for the HMACs of subscriber links and webhook secrets; made at the first start.
CREATE TABLE notify_keys (
    name       VARCHAR(40)  NOT NULL PRIMARY KEY,
    key_value  VARCHAR(128) NOT NULL
);

-- One thing to tell, in every language, written in the same transaction as the change it announces.
CREATE TABLE notify_notices (
    id          VARCHAR(40)  NOT NULL PRIMARY KEY,
    event       VARCHAR(40)  NOT NULL,
    target      VARCHAR(200) NOT NULL,             -- incident/ID, maintenance/ID, channel/NAME ...
    created_at  BIGINT       NOT NULL,
    content     TEXT         NOT NULL              -- JSON: texts per language, link, impact, webhook payload
);
CREATE INDEX notify_notices_by_time ON notify_notices (created_at);

-- One row per recipient and channel. subscriber_id is '' for a channel's own destination (a team room).
CREATE TABLE notify_deliveries (
    notice_id     VARCHAR(40)  NOT NULL,
    channel       VARCHAR(100) NOT NULL,
    subscriber_id VARCHAR(40)  NOT NULL,
    lang          VARCHAR(8)   NOT NULL,
    state         VARCHAR(10)  NOT NULL,           -- pending | sent | dead
    attempts      INTEGER      NOT NULL,
    due_at        BIGINT       NOT NULL,
    lease_owner   VARCHAR(40),
    lease_until   BIGINT,
    sent_at       BIGINT,
    last_error    VARCHAR(1000),
    PRIMARY KEY (notice_id, channel, subscriber_id)
);
CREATE INDEX notify_deliveries_due ON notify_deliveries (state, channel, due_at);
CREATE INDEX notify_deliveries_lease ON notify_deliveries (lease_owner);

-- Team alert state per route and subject: what was last told and when, for one alert per change and reminders.
CREATE TABLE notify_alert_state (
    route      VARCHAR(100) NOT NULL,
    subject    VARCHAR(200) NOT NULL,
    verdict    VARCHAR(40)  NOT NULL,
    told_at    BIGINT       NOT NULL,
    PRIMARY KEY (route, subject)
);
