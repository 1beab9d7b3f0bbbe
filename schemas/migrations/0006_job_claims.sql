-- A worker claims a job here before a channel acts on it, so that two copies of one job — the
-- relay published it again after a broker outage, or a delivery came back after its connection
-- was lost — never contact the debtor twice at once. The claim names the attempt it is for and
-- its holder (one batch of one worker), and lasts until `claimed_until`, which the worker
-- extends while the batch is in hand. A copy that finds a live claim for its attempt (or a
-- later one) waits in a retry queue under the same attempt and, once the holder has written
-- the outcome, is only acknowledged. Writing a job's outcome deletes its claim; the claim of a
-- worker killed in the middle of a batch ends by itself, and the job is then taken again.
CREATE TABLE job_claims (
    job_id         uuid PRIMARY KEY,
    tenant_id      uuid NOT NULL,
    attempt        integer NOT NULL CHECK (attempt >= 1),
    holder         uuid NOT NULL,
    claimed_at     timestamptz NOT NULL DEFAULT now(),
    claimed_until  timestamptz NOT NULL
);
-- No index beyond the key: the table holds only the claims of jobs in hand, and the few left
-- behind (their worker died) are purged, once ended, by a scan of that small table.
