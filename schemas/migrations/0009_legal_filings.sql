-- Court payment-order dossiers (injonction de payer): the legal channel writes one dossier per
-- legal job (a PDF request and a JSON manifest in the artefact store) and records it here for a
-- person to review and file; then it is marked filed (who, when, the court's reference) or
-- withdrawn.

-- A debtor's registration numbers, as creditors have them:
-- {"registration_number": "SIREN or SIRET", "vat_number": "..."}. The dossier names the debtor
-- by its SIREN, and warns when it is not known.
ALTER TABLE debtors ADD COLUMN legal_identifiers jsonb;

CREATE TABLE legal_filings (
    id                uuid PRIMARY KEY,
    -- One dossier per legal job; a redelivered job rewrites its row and its files while it waits
    -- for review, never once it is filed or withdrawn.
    -- jobs has no (tenant_id, id) key since 0002: the job is referenced by id.
    job_id            uuid NOT NULL UNIQUE REFERENCES jobs (id),
    tenant_id         uuid NOT NULL REFERENCES tenants (id),
    debtor_id         uuid NOT NULL,
    invoice_ids       uuid[] NOT NULL CHECK (cardinality(invoice_ids) > 0),
    invoice_numbers   text[] NOT NULL,
    court_kind        text NOT NULL CHECK (court_kind IN ('tribunal_judiciaire', 'tribunal_de_commerce',
                                                          'tribunal_des_activites_economiques')),
    court_name        text NOT NULL,
    -- False when the court could not be named from the table of seats: the reviewer finds it.
    court_confirmed   boolean NOT NULL,
    -- The Cerfa form number, e.g. 12946*02.
    form              text NOT NULL,
    currency          char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    principal_minor   bigint NOT NULL,
    interest_minor    bigint NOT NULL,
    indemnity_minor   bigint NOT NULL,
    total_minor       bigint NOT NULL,
    -- The day interest is computed to (the request's date).
    claim_date        date NOT NULL,
    pdf_path          text NOT NULL,
    pdf_sha256        text NOT NULL,
    pdf_pages         integer NOT NULL CHECK (pdf_pages > 0),
    manifest_path     text NOT NULL,
    manifest_sha256   text NOT NULL,
    -- The warnings' codes (no_formal_notice, missing_debtor_siren …); their text is in the manifest.
    warnings          text[] NOT NULL DEFAULT '{}',
    status            text NOT NULL DEFAULT 'ready_for_review'
                      CHECK (status IN ('ready_for_review', 'filed', 'withdrawn')),
    filed_by          text,
    filed_at          timestamptz,
    filing_reference  text,
    withdrawn_by      text,
    withdrawn_at      timestamptz,
    prepared_at       timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, debtor_id) REFERENCES debtors (tenant_id, id),
    CHECK ((status = 'filed') = (filed_at IS NOT NULL)),
    CHECK (filed_at IS NULL OR length(btrim(filed_by)) > 0),
    CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
);
-- `relance filings list`: a tenant's filings by status, oldest first.
CREATE INDEX legal_filings_status_idx ON legal_filings (tenant_id, status, prepared_at);
