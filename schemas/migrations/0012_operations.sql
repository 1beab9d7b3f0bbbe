-- Operators run Relance for every tenant: they watch the queues, replay or discard dead
-- letters, pause and resume work. Their keys open the operator routes (/v1/ops/…) and the
-- /ops dashboard; each thing they change is recorded in ops_audit.
--
-- Neither table belongs to a tenant, and the application role gets no right on them: the
-- operator routes act through the owner's connection, once an operator key is checked.

CREATE TABLE operator_keys (
    id            uuid PRIMARY KEY,
    -- Who holds the key: written in the audit log as "operator:<name>".
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- The key's first characters ("rlo_" and 8 more), shown by `relance ops key list`.
    prefix        text NOT NULL UNIQUE CHECK (length(prefix) >= 8),
    secret_sha256 bytea NOT NULL UNIQUE CHECK (length(secret_sha256) = 32),
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz
);

-- Who did what, when and why. Rows are only ever added.
CREATE TABLE ops_audit (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    -- "operator:<key name>" over the API, "cli:<user>@<host>" from the command line.
    actor      text NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
    -- "pause", "resume", "dead_letter.replay", "dead_letter.discard", "operator_key.create", …
    action     text NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
    -- What it was done to: "channel:email", "tenant:<id>", "creditor:<id>", "dead_letter:<id>", …
    target     text NOT NULL CHECK (length(target) BETWEEN 1 AND 200),
    -- The tenant concerned, when there is one.
    tenant_id  uuid,
    reason     text,
    detail     jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX ops_audit_at_idx ON ops_audit (at DESC, id DESC);
