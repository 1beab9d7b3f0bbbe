-- The way in: API keys, idempotent requests, natural keys for imports, and isolation that
-- PostgreSQL enforces.
--
-- Roles
-- * The owner (the role that runs migrations, `relance` locally) owns every table. The pipeline
--   (dispatcher, relay, workers) connects as the owner: it is the only role that reads across
--   tenants. Row-level security does not apply to a table's owner (no FORCE below).
-- * The application role (`relance_app`, created by deploy/services-up.sh) is what the HTTP API
--   connects as: it owns nothing, cannot bypass row-level security, and sees only the rows of
--   the tenant its transaction names with `SELECT set_config('relance.tenant_id', $1, true)`.
--   With no tenant named it sees nothing at all.

-- The tenant the current transaction acts for, or NULL.
CREATE FUNCTION relance_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('relance.tenant_id', true), '')::uuid $$;

-- API keys: only a SHA-256 of the key is kept; the prefix identifies it to people afterwards.
CREATE TABLE api_keys (
    id            uuid PRIMARY KEY,
    tenant_id     uuid NOT NULL REFERENCES tenants (id),
    -- The key's first characters ("rlk_" and 8 more), shown by `relance key list`.
    prefix        text NOT NULL UNIQUE CHECK (length(prefix) >= 8),
    secret_sha256 bytea NOT NULL UNIQUE CHECK (length(secret_sha256) = 32),
    role          text NOT NULL CHECK (role IN ('admin', 'agent', 'readonly')),
    label         text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz
);
CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id, created_at);

-- The one look-up made before a tenant is known: which live key has this hash. It runs with
-- the owner's rights, so the application role needs no right on api_keys across tenants.
CREATE FUNCTION relance_authenticate(key_sha256 bytea)
    RETURNS TABLE (key_id uuid, tenant_id uuid, role text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT k.id, k.tenant_id, k.role FROM api_keys k
          WHERE k.secret_sha256 = key_sha256 AND k.revoked_at IS NULL $$;
REVOKE ALL ON FUNCTION relance_authenticate(bytea) FROM PUBLIC;

-- Requests sent with an Idempotency-Key header: the first result is kept and answered again to
-- the same key and body; another body under the same key is refused.
CREATE TABLE idempotency_keys (
    tenant_id     uuid NOT NULL REFERENCES tenants (id),
    key           text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    -- The route it was used on ("POST /v1/invoices/{id}/payments") and the request's SHA-256.
    route         text NOT NULL,
    request_sha256 bytea NOT NULL,
    status        integer,
    response      text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, key)
);

-- Natural keys for imports: a creditor's reference (a collection agency's client), as a
-- debtor's external reference already is.
ALTER TABLE creditors ADD COLUMN external_ref text CHECK (length(btrim(external_ref)) > 0);
CREATE UNIQUE INDEX creditors_external_ref_idx ON creditors (tenant_id, external_ref);


-- Row-level security on every table that holds a tenant's rows.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants
    USING (id = relance_current_tenant()) WITH CHECK (id = relance_current_tenant());

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY[
        'dunning_policies', 'dunning_policy_steps', 'creditors', 'debtors', 'invoices', 'payments',
        'invoice_events', 'jobs', 'schedule_steps', 'job_outcomes', 'job_claims', 'letter_postings',
        'call_tasks', 'legal_filings', 'api_keys', 'idempotency_keys'
    ] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I USING (tenant_id = relance_current_tenant()) '
            'WITH CHECK (tenant_id = relance_current_tenant())', t);
    END LOOP;
END
$$;

-- The application role's rights, when deploy/ has created it (a database migrated where it
-- does not exist gets them from `relance migrate` once it does: see relance_grant_app_role).
CREATE FUNCTION relance_grant_app_role() RETURNS void
    LANGUAGE plpgsql
    AS $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'relance_app') THEN
            RETURN;
        END IF;
        GRANT SELECT, UPDATE ON tenants TO relance_app;
        GRANT SELECT, INSERT, UPDATE, DELETE ON dunning_policies, dunning_policy_steps, creditors,
            debtors, invoices, payments, invoice_events, schedule_steps, call_tasks, legal_filings,
            idempotency_keys TO relance_app;
        GRANT SELECT ON jobs, job_outcomes, letter_postings TO relance_app;
        GRANT SELECT, INSERT, UPDATE ON api_keys TO relance_app;
        GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO relance_app;
        GRANT EXECUTE ON FUNCTION relance_authenticate(bytea) TO relance_app;
    END
    $$;
SELECT relance_grant_app_role();
