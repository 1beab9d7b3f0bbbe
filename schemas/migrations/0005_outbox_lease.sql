-- The relay no longer holds a transaction open while the broker confirms what it published.
-- It leases a batch of outbox rows (`leased_until`), publishes their jobs, then deletes the
-- rows the broker confirmed and gives the others back with the reason. A lease ends by itself:
-- the rows of a relay that died or hung before settling are published again by the next pass
-- (workers are idempotent by job id). The column is not indexed, so taking a lease updates the
-- narrow row in place.
ALTER TABLE outbox ADD COLUMN leased_until timestamptz;
