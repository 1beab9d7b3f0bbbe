-- Webhooks: a tenant may name one endpoint that receives, signed, what happens to its invoices
-- (state changes, payments) and to its jobs (outcomes).
--
-- * Events are written by triggers on invoice_events and job_outcomes, in the transaction that
--   writes those rows, so an event exists exactly when what it reports was committed
--   (an outbox). Only tenants with an enabled endpoint get events; with no endpoint at all the
--   triggers cost one look at an empty table per statement.
-- * The deliverer (the owner role, across tenants) claims due events with a lease, posts them,
--   and marks them delivered, or retries them with backoff until it gives up. Delivery is at
--   least once: the event id is the same on every attempt, for the receiver to deduplicate on.

CREATE TABLE webhook_endpoints (
    tenant_id   uuid PRIMARY KEY REFERENCES tenants (id),
    url         text NOT NULL CHECK (url ~* '^https?://[^/\s]+'),
    -- The HMAC-SHA256 key of the Relance-Signature header; the receiver holds it too.
    secret      text NOT NULL CHECK (length(secret) >= 16),
    enabled     boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_events (
    -- The event's id, also in its payload and the Relance-Event-Id header: receivers dedupe on it.
    id              uuid PRIMARY KEY,
    tenant_id       uuid NOT NULL,
    type            text NOT NULL CHECK (type IN ('invoice.payment', 'invoice.state_changed', 'job.outcome')),
    occurred_at     timestamptz NOT NULL,
    -- The whole JSON body sent, the same bytes on every attempt.
    payload         jsonb NOT NULL,
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    -- Set while a deliverer holds the event (its lease); another one skips it until then.
    locked_until    timestamptz,
    delivered_at    timestamptz,
    -- Given up: too many attempts, or the endpoint was removed or disabled.
    failed_at       timestamptz,
    last_error      text,
    -- The HTTP status of the last attempt, when the receiver answered.
    last_status     integer,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (delivered_at IS NULL OR failed_at IS NULL)
);
-- The deliverer's scan: events still to send, by due time.
CREATE INDEX webhook_events_due_idx ON webhook_events (next_attempt_at)
    WHERE delivered_at IS NULL AND failed_at IS NULL;
-- A tenant's recent events, newest first (the API's list).
CREATE INDEX webhook_events_tenant_idx ON webhook_events (tenant_id, occurred_at DESC, id);

-- A moment as RFC 3339 in UTC with microseconds: 2026-03-01T08:00:00.000000Z.
CREATE FUNCTION relance_rfc3339(moment timestamptz) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT to_char(moment AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;

-- Payments and state changes of invoices. Runs once per statement, with the owner's rights (the
-- API's role writes invoice_events but has no right to write webhook_events).
CREATE FUNCTION relance_webhook_invoice_events() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
    AS $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE enabled) THEN
            RETURN NULL;
        END IF;
        INSERT INTO webhook_events (id, tenant_id, type, occurred_at, payload, next_attempt_at)
        SELECT f.id, f.tenant_id, f.type, f.occurred_at,
               jsonb_build_object(
                   'id', f.id, 'type', f.type, 'tenant_id', f.tenant_id,
                   'occurred_at', relance_rfc3339(f.occurred_at), 'data', f.data),
               now()
        FROM (
            SELECT gen_random_uuid() AS id, n.tenant_id, n.occurred_at,
                   CASE WHEN n.kind = 'payment' THEN 'invoice.payment' ELSE 'invoice.state_changed' END AS type,
                   jsonb_build_object(
                       'invoice_id', n.invoice_id, 'invoice_number', i.number, 'kind', n.kind,
                       'from_state', n.from_state, 'to_state', n.to_state,
                       'effective_date', to_char(n.effective_date, 'YYYY-MM-DD'), 'detail', n.detail) AS data
            FROM new_events n
            JOIN webhook_endpoints e ON e.tenant_id = n.tenant_id AND e.enabled
            LEFT JOIN invoices i ON i.tenant_id = n.tenant_id AND i.id = n.invoice_id
            -- OFFSET 0 keeps the subquery whole: one gen_random_uuid() per row, used twice above.
            OFFSET 0
        ) f;
        RETURN NULL;
    END
    $$;

CREATE TRIGGER webhook_invoice_events AFTER INSERT ON invoice_events
    REFERENCING NEW TABLE AS new_events
    FOR EACH STATEMENT EXECUTE FUNCTION relance_webhook_invoice_events();

-- Job outcomes. Workers write them with INSERT … ON CONFLICT (job_id) DO NOTHING and never
-- update them: the transition table holds only the rows actually inserted, so a job's outcome
-- makes one event however often a redelivered message tries to record it.
CREATE FUNCTION relance_webhook_job_outcomes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
    AS $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE enabled) THEN
            RETURN NULL;
        END IF;
        INSERT INTO webhook_events (id, tenant_id, type, occurred_at, payload, next_attempt_at)
        SELECT f.id, f.tenant_id, 'job.outcome', f.completed_at,
               jsonb_build_object(
                   'id', f.id, 'type', 'job.outcome', 'tenant_id', f.tenant_id,
                   'occurred_at', relance_rfc3339(f.completed_at), 'data', f.data),
               now()
        FROM (
            SELECT gen_random_uuid() AS id, n.tenant_id, n.completed_at,
                   jsonb_build_object(
                       'job_id', n.job_id, 'debtor_id', n.debtor_id, 'channel', n.channel,
                       'outcome', n.outcome, 'attempts', n.attempts, 'artefact_uri', n.artefact_uri,
                       'detail', n.detail, 'completed_at', relance_rfc3339(n.completed_at)) AS data
            FROM new_outcomes n
            JOIN webhook_endpoints e ON e.tenant_id = n.tenant_id AND e.enabled
            OFFSET 0
        ) f;
        RETURN NULL;
    END
    $$;

CREATE TRIGGER webhook_job_outcomes AFTER INSERT ON job_outcomes
    REFERENCING NEW TABLE AS new_outcomes
    FOR EACH STATEMENT EXECUTE FUNCTION relance_webhook_job_outcomes();

-- Row-level security, as on every tenant table (0010).
ALTER TABLE webhook_endpoints ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_endpoints
    USING (tenant_id = relance_current_tenant()) WITH CHECK (tenant_id = relance_current_tenant());
ALTER TABLE webhook_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_events
    USING (tenant_id = relance_current_tenant()) WITH CHECK (tenant_id = relance_current_tenant());

-- The application role's rights: 0010's, and the API's on webhooks (it manages the endpoint and
-- reads the events; only the deliverer, as the owner, changes events).
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
    END
    $$;
SELECT relance_grant_app_role();
