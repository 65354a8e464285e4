-- A component whose monitors all have no data: the page says "monitoring unavailable" instead of
-- claiming it is operational (issue 10, finding 4).
ALTER TABLE component_states ADD COLUMN monitoring_unavailable BOOLEAN NOT NULL DEFAULT FALSE;
