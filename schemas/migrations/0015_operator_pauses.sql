-- Operators' pauses (`relance ops pause`, PUT /v1/ops/pauses/{scope}/{target}): work held back
-- for a whole channel, a tenant or a creditor — not the tenant-facing pause of an invoice or a
-- debtor (`paused` state). One row per paused thing, so a pause outlives every process.
--
-- While a row is here the dispatcher's claim passes over the matching due steps (they stay
-- planned and due, and are claimed once the row is gone), and workers hold jobs already
-- published for it in a retry queue under the same attempt (see JobProcessor). The table is
-- the operators': the application role gets no right on it.

CREATE TABLE operator_pauses (
    scope      text NOT NULL CHECK (scope IN ('channel', 'tenant', 'creditor')),
    -- A channel's name ('email', 'letter', 'registered_letter', 'call', 'legal') or the
    -- tenant's or creditor's id in lower case.
    target     text NOT NULL,
    -- The tenant concerned: the tenant paused, or the creditor's; none for a channel.
    tenant_id  uuid,
    reason     text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 1000),
    -- "operator:<key name>" or "cli:<user>@<host>", as in ops_audit.
    paused_by  text NOT NULL CHECK (length(paused_by) BETWEEN 1 AND 200),
    paused_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, target),
    CHECK (scope <> 'channel' OR target IN ('email', 'call', 'letter', 'registered_letter', 'legal')),
    CHECK (scope = 'channel' OR target ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CHECK ((scope = 'channel') = (tenant_id IS NULL))
);
