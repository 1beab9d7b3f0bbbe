-- The pipeline's hot path: every reminder writes a job, moves its step twice (dispatched, then
-- done) and writes an outcome. This migration makes those writes cheaper without changing what
-- the tables say.

-- 1. Foreign keys on rows only the pipeline writes. A foreign-key check runs a query and locks
--    the referenced row (a write) for every row written: four of them per reminder. The
--    references stay true by construction, and are checked where they enter:
--    * a job is written by the dispatcher from schedule steps it holds locked, whose invoice
--      and debtor are checked by the schedule's own keys;
--    * a step names its job in the transaction that writes the job;
--    * a worker records an outcome only for a job it has found in `jobs` for the message's
--      tenant (an unknown job is dead-lettered with the reason), keyed by the job's id.
--    Rows of these tables are never deleted, so nothing can dangle later.
ALTER TABLE jobs DROP CONSTRAINT jobs_tenant_id_fkey;
ALTER TABLE jobs DROP CONSTRAINT jobs_tenant_id_debtor_id_fkey;
ALTER TABLE schedule_steps DROP CONSTRAINT schedule_steps_tenant_id_job_id_fkey;
ALTER TABLE job_outcomes DROP CONSTRAINT job_outcomes_tenant_id_job_id_fkey;
ALTER TABLE job_outcomes DROP CONSTRAINT job_outcomes_tenant_id_debtor_id_fkey;
-- It only served as the target of the composite keys above.
ALTER TABLE jobs DROP CONSTRAINT jobs_tenant_id_id_key;

-- 2. A step's second move (dispatched → done or skipped) as a heap-only update: PostgreSQL
--    skips index maintenance when no indexed column, nor any column an index's WHERE reads,
--    changes value, and the page has room for the new version. The due-step indexes read
--    `status`, which that move changes; they now read `pending`, which it does not (false
--    before and after). Pages are filled to 80 % so the new versions fit beside the old.
ALTER TABLE schedule_steps SET (fillfactor = 80);
ALTER TABLE schedule_steps ADD COLUMN pending boolean GENERATED ALWAYS AS (status = 'planned') STORED;
DROP INDEX schedule_steps_due_idx;
DROP INDEX schedule_steps_due_global_idx;
-- The due-step scan: planned steps by due time, per tenant for fair claiming.
CREATE INDEX schedule_steps_due_idx ON schedule_steps (tenant_id, due_at) WHERE pending;
CREATE INDEX schedule_steps_due_global_idx ON schedule_steps (due_at) WHERE pending;

-- 3. Invoices change often after they are loaded (a registered letter's formal-notice date,
--    payments, state changes): leave room in each page so that updates which touch no indexed
--    column (most of them) stay heap-only instead of adding an entry to each of the six indexes.
ALTER TABLE invoices SET (fillfactor = 90);

-- 4. A job's payload is the exact message the relay publishes: keep its bytes as written
--    (`json` stores the text, checked to be JSON) rather than re-encoding it as `jsonb`, whose
--    output reorders keys and adds spaces — the worker reads the dispatcher's own compact form
--    much faster than general JSON.
ALTER TABLE jobs ALTER COLUMN payload TYPE json USING payload::json;
