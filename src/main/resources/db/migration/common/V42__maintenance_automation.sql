-- Numbered after V40, which rebuilds the maintenance table on SQLite.
-- Maintenance that starts and completes itself at its scheduled times (issue 10, finding 5).
ALTER TABLE maintenance ADD COLUMN auto_start BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE maintenance ADD COLUMN auto_complete BOOLEAN NOT NULL DEFAULT FALSE;
