-- The real channels: what a record-only channel did is said as such; a channel's refusal for
-- good is named; a debtor's email or phone can be known unusable; creditors get sender settings
-- and bank details; a tenant may send through its own SMTP relay; letters are posted in daily
-- manifests, and only a posted registered letter dates a formal notice.

-- `recorded`: a record-only channel rendered the message and contacted nobody (the benchmark's
-- channel): it neither dates a formal notice nor counts toward the contact budget.
-- `failed_permanent`: the channel refused the job for good (an address the relay refuses, a
-- message that cannot be made); `failed` stays for a job that ran out of retries.
ALTER TABLE job_outcomes DROP CONSTRAINT job_outcomes_outcome_check;
ALTER TABLE job_outcomes ADD CONSTRAINT job_outcomes_outcome_check CHECK (outcome IN (
    'sent', 'task_created', 'prepared', 'recorded',
    'skipped_paid', 'skipped_disputed', 'skipped_promise', 'skipped_plan',
    'skipped_paused', 'skipped_written_off',
    'failed', 'failed_permanent', 'dead_lettered'));

-- A contact point the other end refused for good (an SMTP 5xx on the recipient, a wrong
-- number): since when, and why. Changing the address or the number clears the mark.
ALTER TABLE debtors
    ADD COLUMN email_unusable_since timestamptz,
    ADD COLUMN email_unusable_reason text,
    ADD COLUMN phone_unusable_since timestamptz,
    ADD COLUMN phone_unusable_reason text,
    ADD CHECK ((email_unusable_since IS NULL) = (email_unusable_reason IS NULL)),
    ADD CHECK ((phone_unusable_since IS NULL) = (phone_unusable_reason IS NULL));

-- Who an email comes from on a creditor's behalf, and where the debtor pays it:
-- sender {"name": "...", "reply_to": "..."} (the From address stays the installation's or
-- the tenant relay's; the display name and Reply-To are the creditor's);
-- bank_account {"holder": "...", "iban": "FR76…", "bic": "BNPAFRPP"} (checked on the way in).
ALTER TABLE creditors
    ADD COLUMN sender jsonb,
    ADD COLUMN bank_account jsonb;

-- A tenant's own SMTP relay, overriding the installation's:
-- {"host": "...", "port": 587, "security": "starttls", "username": "...",
--  "password_env": "NAME" | "password_file": "/path", "from": "...", "sender_domain": "..."}.
-- The password itself is never stored here: only where to read it.
ALTER TABLE tenants ADD COLUMN smtp_relay jsonb;

-- A letter (or registered formal notice) that was printed and posted, in the manifest of its
-- day: only a posted registered letter dates its invoices' formal notice.
CREATE TABLE letter_postings (
    job_id        uuid PRIMARY KEY,
    tenant_id     uuid NOT NULL,
    -- The manifest's day (`relance letters manifest --date D`), the letter's posting date.
    manifest_day  date NOT NULL,
    posted_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (job_id) REFERENCES jobs (id)
);
CREATE INDEX letter_postings_day_idx ON letter_postings (manifest_day);
-- The manifest of a day lists the letters prepared that day: outcomes by completion time.
CREATE INDEX job_outcomes_letters_idx ON job_outcomes (completed_at)
    WHERE outcome = 'prepared' AND channel IN ('letter', 'registered_letter');
