-- A number every change to an incident bumps (an update, an impact, a postmortem), so the public
-- site can tell from a list of (id, revision) pairs which incident pages are still current without
-- reading the incidents themselves; an old incident's page is rendered again only when it changed.
ALTER TABLE incidents ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE INDEX incidents_by_updated ON incidents (updated_at, id);

-- The public site lists unresolved incidents on every render: without this, each render scanned
-- the whole history for the few that are open.
CREATE INDEX incidents_unresolved ON incidents (created_at, id) WHERE status NOT IN ('resolved', 'postmortem');
