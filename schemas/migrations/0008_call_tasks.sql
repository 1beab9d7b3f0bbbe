-- Call tasks: a `call` job becomes a task an agent takes (`relance calls next`), calls the
-- debtor within the debtor's call hours, and closes with a result (`relance calls record`)
-- that moves the invoices through the same transitions as the API.

CREATE TABLE call_tasks (
    tenant_id       uuid NOT NULL,
    id              uuid PRIMARY KEY,
    -- One task per call job: a redelivered job (the worker died after inserting) finds its
    -- task and creates no second one. `jobs` has no (tenant_id, id) key since 0002.
    job_id          uuid NOT NULL UNIQUE REFERENCES jobs (id),
    debtor_id       uuid NOT NULL,
    -- The invoices the call is about, and the schedule steps the job carried (a closed task
    -- pulls the next planned step of each of these invoices to now: the ladder goes on).
    invoice_ids     uuid[] NOT NULL CHECK (cardinality(invoice_ids) >= 1),
    step_ids        uuid[] NOT NULL CHECK (cardinality(step_ids) >= 1),
    -- Higher first (0…1000): from the amount due and the days late (CallPriority).
    priority        integer NOT NULL CHECK (priority BETWEEN 0 AND 1000),
    -- The debtor's zone when the task was made, in which its window was computed.
    time_zone       text NOT NULL CHECK (length(time_zone) > 0),
    -- When the agent may call: opens inside the debtor's call hours, closes at the end of that
    -- day's call hours. A task still open when its window closed is moved to the next one.
    earliest_at     timestamptz NOT NULL,
    latest_at       timestamptz NOT NULL,
    -- What the agent says: contact history, amounts with penalties, the suggested solution
    -- (CallTalkingPoints JSON, snake_case keys).
    talking_points  jsonb NOT NULL,
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'assigned', 'done', 'cancelled')),
    -- Who holds the task and since when; a holding older than the lease may be taken again.
    agent           text CHECK (length(btrim(agent)) > 0),
    assigned_at     timestamptz,
    -- Calls made on this task (no answer counts one; the task closes after a few).
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- The last result recorded (CallResult kind), what it said, and by whom.
    result          text CHECK (result IN ('promise_to_pay', 'dispute', 'payment_plan', 'paid',
                                           'no_answer', 'wrong_number', 'callback')),
    result_detail   jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    closed_at       timestamptz,
    CHECK (latest_at > earliest_at),
    CHECK ((status = 'assigned') = (agent IS NOT NULL AND assigned_at IS NOT NULL)),
    CHECK ((status IN ('done', 'cancelled')) = (closed_at IS NOT NULL)),
    CHECK ((result IS NULL) = (result_detail IS NULL)),
    FOREIGN KEY (tenant_id, debtor_id) REFERENCES debtors (tenant_id, id)
);
-- "Next task for tenant T": the live tasks of a tenant, highest priority first, oldest window
-- first among equals. Closed tasks, the great majority over time, stay out of the index.
CREATE INDEX call_tasks_next_idx ON call_tasks (tenant_id, priority DESC, earliest_at)
    WHERE status IN ('open', 'assigned');
-- An operator's view of one debtor's calls.
CREATE INDEX call_tasks_debtor_idx ON call_tasks (tenant_id, debtor_id, created_at);
