-- A reminder is acknowledged by the team (or by posting the update it asked for); one that is not,
-- escalates to the next person on call (io.noroshi.comms, issue 14).
ALTER TABLE comms_reminders ADD COLUMN acked_at BIGINT;
