-- The dashboard's way in for a browser, which cannot send a Bearer key.
--
-- * A one-time link (`kind = 'link'`): minted over the API by any key of the tenant, valid a few
--   minutes, redeemed once (`used_at`) for a session.
-- * A session (`kind = 'session'`): what the browser's `relance_session` cookie names, valid
--   hours.
-- Only a SHA-256 of each token is kept (the tokens are random, 256 bits). A tenant's rows have a
-- tenant; an operator's session (for /ops) has an operator_name and no tenant, and the
-- application role never sees it (row-level security below).

CREATE TABLE dashboard_sessions (
    id             uuid PRIMARY KEY,
    kind           text NOT NULL CHECK (kind IN ('link', 'session')),
    tenant_id      uuid REFERENCES tenants (id),
    operator_name  text CHECK (length(btrim(operator_name)) > 0),
    token_sha256   bytea NOT NULL UNIQUE CHECK (length(token_sha256) = 32),
    -- The API key that minted the link or opened the session, when one did.
    api_key_id     uuid REFERENCES api_keys (id),
    -- The link a session was opened with, when it was.
    link_id        uuid REFERENCES dashboard_sessions (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    -- A link: when it was redeemed (once only).
    used_at        timestamptz,
    revoked_at     timestamptz,
    -- Exactly one of a tenant or an operator.
    CHECK ((tenant_id IS NULL) <> (operator_name IS NULL)),
    CHECK (kind = 'link' OR used_at IS NULL),
    CHECK (expires_at > created_at)
);
CREATE INDEX dashboard_sessions_tenant_idx ON dashboard_sessions (tenant_id, created_at);
-- Expired rows, for a sweep.
CREATE INDEX dashboard_sessions_expiry_idx ON dashboard_sessions (expires_at);

ALTER TABLE dashboard_sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON dashboard_sessions
    USING (tenant_id = relance_current_tenant()) WITH CHECK (tenant_id = relance_current_tenant());

-- Redeems a live, unused link once: marks it used and opens a session of the same tenant (or
-- operator) under `session_sha256`, valid until `session_expires_at`. Returns the session, or no
-- row when the link is unknown, expired, revoked or used already. Runs with the owner's rights:
-- the tenant is not known before the link is looked up. Each sign-in also sweeps the rows that
-- expired more than a day ago (the expiry index makes that cheap), so the table stays small.
CREATE FUNCTION relance_redeem_dashboard_link(link_sha256 bytea, session_id uuid, session_sha256 bytea,
                                              session_expires_at timestamptz)
    RETURNS TABLE (id uuid, tenant_id uuid, operator_name text, expires_at timestamptz)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
    AS $$
    DELETE FROM dashboard_sessions WHERE expires_at < now() - interval '1 day';
    WITH redeemed AS (
        UPDATE dashboard_sessions d SET used_at = now()
        WHERE d.token_sha256 = link_sha256 AND d.kind = 'link' AND d.used_at IS NULL
          AND d.revoked_at IS NULL AND d.expires_at > now()
        RETURNING d.id, d.tenant_id, d.operator_name, d.api_key_id
    )
    INSERT INTO dashboard_sessions AS s (id, kind, tenant_id, operator_name, token_sha256, api_key_id, link_id, expires_at)
    SELECT session_id, 'session', r.tenant_id, r.operator_name, session_sha256, r.api_key_id, r.id, session_expires_at
    FROM redeemed r
    RETURNING s.id, s.tenant_id, s.operator_name, s.expires_at
    $$;
REVOKE ALL ON FUNCTION relance_redeem_dashboard_link(bytea, uuid, bytea, timestamptz) FROM PUBLIC;

-- The live session with this hash: who it is for. The one look-up made before a tenant is
-- known, like relance_authenticate for API keys.
CREATE FUNCTION relance_dashboard_session(session_sha256 bytea)
    RETURNS TABLE (id uuid, tenant_id uuid, operator_name text, expires_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT d.id, d.tenant_id, d.operator_name, d.expires_at FROM dashboard_sessions d
          WHERE d.token_sha256 = session_sha256 AND d.kind = 'session'
            AND d.revoked_at IS NULL AND d.expires_at > now() $$;
REVOKE ALL ON FUNCTION relance_dashboard_session(bytea) FROM PUBLIC;

-- The application role's rights: 0011's, and the dashboard's (it mints links and opens sessions
-- for its tenant, row-level security keeping it to that tenant, and calls the two look-ups).
-- Redefined as 0011 did, so that `relance migrate` grants them to a role created later too.
CREATE OR REPLACE FUNCTION relance_grant_app_role() RETURNS void
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
        GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_endpoints TO relance_app;
        GRANT SELECT ON webhook_events TO relance_app;
        GRANT SELECT, INSERT, UPDATE ON dashboard_sessions TO relance_app;
        GRANT EXECUTE ON FUNCTION relance_redeem_dashboard_link(bytea, uuid, bytea, timestamptz) TO relance_app;
        GRANT EXECUTE ON FUNCTION relance_dashboard_session(bytea) TO relance_app;
    END
    $$;
SELECT relance_grant_app_role();
