-- A cancelled maintenance keeps its own status instead of passing for completed.
ALTER TABLE maintenance DROP CONSTRAINT maintenance_status_check;
ALTER TABLE maintenance ADD CONSTRAINT maintenance_status_check
    CHECK (status IN ('scheduled', 'in_progress', 'verifying', 'completed', 'cancelled'));
