-- Invoices planned under one policy share their ladder (about a kilobyte of JSON). The
-- dispatcher reads each distinct ladder once and keeps it, named by its hash: computed here,
-- once per write, rather than hashed (and the kilobyte carried through a sort) for every step
-- of every claim.
ALTER TABLE invoices ADD COLUMN ladder_hash bigint GENERATED ALWAYS AS (jsonb_hash_extended(ladder, 0)) STORED;
