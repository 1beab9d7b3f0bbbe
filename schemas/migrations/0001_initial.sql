-- Relance, first schema: tenants, creditors, debtors, invoices, payments, dunning policies and
-- their steps, the per-invoice schedule, payment plans, the job outbox and job outcomes.
--
-- Conventions
-- * Every tenant-owned table carries tenant_id, and references to other tenant-owned rows are
--   composite (tenant_id, id) foreign keys, so a row can never point into another tenant;
--   row-level security can key on tenant_id alone.
-- * Money is bigint minor units plus an ISO 4217 currency code; never numeric or float.
-- * Calendar dates are `date`; moments are `timestamptz`.
-- * States and channels are text with CHECK constraints; the values are the domain's raw values.

CREATE TABLE tenants (
    id              uuid PRIMARY KEY,
    name            text NOT NULL CHECK (length(btrim(name)) > 0),
    kind            text NOT NULL CHECK (kind IN ('business', 'collection_agency')),
    -- Legal mentions a collection agency's letters must carry (name, address, activity statement).
    agency_details  jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (kind <> 'collection_agency' OR agency_details IS NOT NULL)
);

CREATE TABLE dunning_policies (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    id          uuid NOT NULL,
    name        text NOT NULL CHECK (length(btrim(name)) > 0),
    version     integer NOT NULL CHECK (version >= 1),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (tenant_id, id),
    -- A policy is versioned: a change is a new row (a new id, the same name, the next version);
    -- earlier versions stay. Whoever names a policy (tenant, creditor, debtor, invoice) names
    -- one of its rows, and gets the latest version of that name when an invoice is planned.
    UNIQUE (tenant_id, name, version)
);

CREATE TABLE dunning_policy_steps (
    tenant_id         uuid NOT NULL,
    policy_id         uuid NOT NULL,
    position          integer NOT NULL CHECK (position >= 0),
    offset_days       integer NOT NULL CHECK (offset_days BETWEEN -365 AND 3650),
    channel           text NOT NULL CHECK (channel IN ('email', 'call', 'letter', 'registered_letter', 'legal')),
    template_key      text NOT NULL CHECK (length(template_key) > 0),
    tone              text NOT NULL DEFAULT 'neutral' CHECK (tone IN ('courteous', 'neutral', 'firm')),
    -- Condition: the step runs only while at least this much is outstanding (minor units of
    -- min_amount_currency); both or neither.
    min_amount_minor  bigint CHECK (min_amount_minor >= 0),
    min_amount_currency char(3) CHECK (min_amount_currency ~ '^[A-Z]{3}$'),
    -- Condition: the step runs only for these kinds of debtor; NULL means every kind.
    debtor_kinds      text[] CHECK (debtor_kinds <@ ARRAY['business', 'consumer']::text[]),
    CHECK ((min_amount_minor IS NULL) = (min_amount_currency IS NULL)),
    PRIMARY KEY (policy_id, position),
    -- Offsets strictly increase with position.
    UNIQUE (policy_id, offset_days),
    FOREIGN KEY (tenant_id, policy_id) REFERENCES dunning_policies (tenant_id, id) ON DELETE CASCADE
);

-- The tenant's default policy (resolution: invoice → debtor → creditor → tenant).
ALTER TABLE tenants ADD COLUMN default_policy_id uuid;
ALTER TABLE tenants ADD FOREIGN KEY (id, default_policy_id) REFERENCES dunning_policies (tenant_id, id);

-- On whose behalf money is owed: the tenant itself, or a client of a collection agency.
CREATE TABLE creditors (
    tenant_id          uuid NOT NULL REFERENCES tenants (id),
    id                 uuid NOT NULL,
    name               text NOT NULL CHECK (length(btrim(name)) > 0),
    -- {"lines": [...], "postal_code": "...", "city": "...", "country_code": "FR"}
    postal_address     jsonb,
    -- {"registration_number": "...", "vat_number": "..."}
    legal_identifiers  jsonb,
    default_policy_id  uuid,
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, default_policy_id) REFERENCES dunning_policies (tenant_id, id)
);

CREATE TABLE debtors (
    tenant_id        uuid NOT NULL,
    id               uuid NOT NULL,
    creditor_id      uuid NOT NULL,
    external_ref     text,
    name             text NOT NULL CHECK (length(btrim(name)) > 0),
    kind             text NOT NULL CHECK (kind IN ('business', 'consumer')),
    language         text NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
    time_zone        text NOT NULL DEFAULT 'Europe/Paris' CHECK (length(time_zone) > 0),
    email            text,
    phone            text,
    postal_address   jsonb,
    -- The debtor said it is short of cash: personalisation offers a payment plan.
    cash_flow_difficulty boolean NOT NULL DEFAULT false,
    policy_id        uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (tenant_id, id),
    UNIQUE (creditor_id, external_ref),
    FOREIGN KEY (tenant_id, creditor_id) REFERENCES creditors (tenant_id, id),
    FOREIGN KEY (tenant_id, policy_id) REFERENCES dunning_policies (tenant_id, id)
);
CREATE INDEX debtors_creditor_idx ON debtors (tenant_id, creditor_id);

CREATE TABLE invoices (
    tenant_id          uuid NOT NULL,
    id                 uuid NOT NULL,
    creditor_id        uuid NOT NULL,
    debtor_id          uuid NOT NULL,
    number             text NOT NULL CHECK (length(btrim(number)) > 0),
    issue_date         date NOT NULL,
    due_date           date NOT NULL,
    currency           char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount_minor       bigint NOT NULL CHECK (amount_minor > 0),
    outstanding_minor  bigint NOT NULL,
    -- Contractual late-payment rate in basis points (1215 = 12.15 %), when the contract sets one.
    contract_rate_bp   integer CHECK (contract_rate_bp BETWEEN 0 AND 100000),
    jurisdiction       text NOT NULL DEFAULT 'fr-b2b'
                       CHECK (jurisdiction IN ('fr-b2b', 'fr-b2c', 'eu', 'de-b2b', 'de-b2c', 'uk')),
    state              text NOT NULL DEFAULT 'open'
                       CHECK (state IN ('open', 'partially_paid', 'promise_to_pay', 'payment_plan',
                                        'disputed', 'paused', 'paid', 'written_off')),
    -- The whole state as the domain encodes it (InvoiceState as JSON): the promise's date, the
    -- plan's installments, the pause's reason … `state` above is its status, for queries.
    state_detail       jsonb NOT NULL DEFAULT '{"status": "open"}'::jsonb,
    -- Date of the formal notice (mise en demeure): consumer interest runs from it.
    formal_notice_date date,
    -- The invoice's own policy, overriding the debtor's, creditor's and tenant's.
    policy_id          uuid,
    -- The ladder this invoice's schedule was planned with: its policy as personalised for the
    -- debtor when the invoice arrived (DunningPolicy JSON). Step positions refer to it.
    ladder             jsonb,
    -- Where that policy came from: invoice, debtor, creditor, tenant or built_in.
    ladder_source      text CHECK (ladder_source IN ('invoice', 'debtor', 'creditor', 'tenant', 'built_in')),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (tenant_id, id),
    -- Lets a schedule row name its invoice and the invoice's debtor in one reference.
    UNIQUE (tenant_id, id, debtor_id),
    UNIQUE (creditor_id, number),
    CHECK (due_date >= issue_date),
    CHECK (outstanding_minor >= 0 AND outstanding_minor <= amount_minor),
    CHECK ((state = 'paid') = (outstanding_minor = 0)),
    CHECK (state_detail ->> 'status' = state),
    CHECK ((ladder IS NULL) = (ladder_source IS NULL)),
    FOREIGN KEY (tenant_id, creditor_id) REFERENCES creditors (tenant_id, id),
    FOREIGN KEY (tenant_id, debtor_id) REFERENCES debtors (tenant_id, id),
    FOREIGN KEY (tenant_id, policy_id) REFERENCES dunning_policies (tenant_id, id)
);
CREATE INDEX invoices_debtor_idx ON invoices (tenant_id, debtor_id);
CREATE INDEX invoices_unsettled_idx ON invoices (tenant_id, due_date)
    WHERE state NOT IN ('paid', 'written_off');

CREATE TABLE payments (
    tenant_id     uuid NOT NULL,
    id            uuid NOT NULL,
    invoice_id    uuid NOT NULL,
    paid_on       date NOT NULL,
    currency      char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount_minor  bigint NOT NULL CHECK (amount_minor > 0),
    reference     text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id)
);
CREATE INDEX payments_invoice_idx ON payments (tenant_id, invoice_id, paid_on);

-- What happened to an invoice, in order: state changes with their reasons (the history a
-- letter recalls and an operator reads).
CREATE TABLE invoice_events (
    tenant_id    uuid NOT NULL,
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id   uuid NOT NULL,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    -- The business day it took effect (a payment's value date, the day a promise was made).
    effective_date date NOT NULL,
    kind         text NOT NULL CHECK (length(kind) > 0),
    from_state   text,
    to_state     text,
    detail       jsonb NOT NULL DEFAULT '{}'::jsonb,
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id)
);
CREATE INDEX invoice_events_invoice_idx ON invoice_events (tenant_id, invoice_id, occurred_at);

-- The job outbox: one row per message to publish (a debtor's due steps on one channel).
-- Written in the dispatcher's claim transaction; the relay publishes and marks it.
CREATE TABLE jobs (
    tenant_id         uuid NOT NULL REFERENCES tenants (id),
    id                uuid NOT NULL,
    debtor_id         uuid NOT NULL,
    channel           text NOT NULL CHECK (channel IN ('email', 'call', 'letter', 'registered_letter', 'legal')),
    payload           jsonb NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    published_at      timestamptz,
    publish_attempts  integer NOT NULL DEFAULT 0 CHECK (publish_attempts >= 0),
    last_publish_error text,
    PRIMARY KEY (id),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, debtor_id) REFERENCES debtors (tenant_id, id)
);
-- The relay's scan: unpublished rows, oldest first.
CREATE INDEX jobs_unpublished_idx ON jobs (created_at) WHERE published_at IS NULL;
-- The contact budget looks back over a debtor's recent jobs.
CREATE INDEX jobs_debtor_idx ON jobs (tenant_id, debtor_id, created_at);

-- The schedule: every planned step of every invoice, visible from the day the invoice arrives.
CREATE TABLE schedule_steps (
    tenant_id      uuid NOT NULL,
    id             uuid NOT NULL,
    invoice_id     uuid NOT NULL,
    debtor_id      uuid NOT NULL,
    -- Index of the step in the invoice's ladder (invoices.ladder); every step has a row.
    position       integer NOT NULL CHECK (position >= 0),
    channel        text NOT NULL CHECK (channel IN ('email', 'call', 'letter', 'registered_letter', 'legal')),
    template_key   text NOT NULL,
    tone           text NOT NULL DEFAULT 'neutral' CHECK (tone IN ('courteous', 'neutral', 'firm')),
    -- The step's calendar date, and the moment it becomes due (that date at 08:00 in the
    -- debtor's time zone; moved later by deferrals).
    due_date       date NOT NULL,
    due_at         timestamptz NOT NULL,
    status         text NOT NULL DEFAULT 'planned'
                   CHECK (status IN ('planned', 'dispatched', 'done', 'skipped', 'cancelled')),
    -- Why a step was deferred, skipped or cancelled: 'superseded' (a later step is due at the
    -- same time or was done), 'not_applicable: …' (its conditions exclude the invoice),
    -- 'paid', 'disputed', 'written_off' (the ladder stopped), or the dispatcher's reason.
    status_reason  text,
    job_id         uuid,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (invoice_id, position),
    CHECK (status NOT IN ('dispatched', 'done') OR job_id IS NOT NULL),
    -- The step's debtor is its invoice's (one check per row: the bulk load writes millions).
    FOREIGN KEY (tenant_id, invoice_id, debtor_id) REFERENCES invoices (tenant_id, id, debtor_id),
    FOREIGN KEY (tenant_id, job_id) REFERENCES jobs (tenant_id, id)
);
-- The due-step scan: planned steps by due time, per tenant for fair claiming.
CREATE INDEX schedule_steps_due_idx ON schedule_steps (tenant_id, due_at) WHERE status = 'planned';
CREATE INDEX schedule_steps_due_global_idx ON schedule_steps (due_at) WHERE status = 'planned';
CREATE INDEX schedule_steps_job_idx ON schedule_steps (job_id) WHERE job_id IS NOT NULL;

-- What a worker did with a job: exactly one row per job (the primary key is the idempotency key).
CREATE TABLE job_outcomes (
    tenant_id     uuid NOT NULL,
    job_id        uuid NOT NULL,
    debtor_id     uuid NOT NULL,
    channel       text NOT NULL CHECK (channel IN ('email', 'call', 'letter', 'registered_letter', 'legal')),
    outcome       text NOT NULL CHECK (outcome IN (
                      'sent', 'task_created', 'prepared',
                      'skipped_paid', 'skipped_disputed', 'skipped_promise', 'skipped_plan',
                      'skipped_paused', 'skipped_written_off',
                      'failed', 'dead_lettered')),
    detail        jsonb NOT NULL DEFAULT '{}'::jsonb,
    artefact_uri  text,
    attempts      integer NOT NULL DEFAULT 1 CHECK (attempts >= 1),
    completed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id),
    FOREIGN KEY (tenant_id, job_id) REFERENCES jobs (tenant_id, id),
    FOREIGN KEY (tenant_id, debtor_id) REFERENCES debtors (tenant_id, id)
);
-- The contact budget looks back over a debtor's recent contacts.
CREATE INDEX job_outcomes_debtor_idx ON job_outcomes (tenant_id, debtor_id, completed_at);
