-- The outbox's two indexes cover only the rows they serve (issue 13, bench/fanout): pending rows by channel and
-- due time for claiming, leased rows by claim for reading a claim back and storing its outcomes. A fan-out then
-- writes each new row into neither the lease index (it has no lease yet) nor, once sent, the pending index, and
-- the sent rows that pile up over time stop growing the index every claim walks.
DROP INDEX notify_deliveries_due;
DROP INDEX notify_deliveries_lease;
CREATE INDEX notify_deliveries_pending ON notify_deliveries (channel, due_at) WHERE state = 'pending';
CREATE INDEX notify_deliveries_leased ON notify_deliveries (lease_owner) WHERE lease_owner IS NOT NULL;
