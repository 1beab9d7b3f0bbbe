import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// Court payment-order dossiers as stored (`legal_filings`, migration 0009), and what a
/// dossier cites from the record: the debtor's registration numbers, its formal notices with
/// the postal manifest that posted them, and the contact history.
///
/// The legal channel records each dossier it writes (`record`, one row per job: a redelivered
/// job rewrites its row while it waits for review); a person then marks it filed (`markFiled`)
/// or withdrawn (`markWithdrawn`), each once.
public struct LegalFilings: Sendable {
    public let client: PostgresClient
    public let logger: Logger
    /// The tenant a person's side (list, read, filed, withdrawn) acts for, when connected as
    /// the application role (the API): each transaction names it. Nil as the owner.
    public var tenantScope: TenantID?

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    // MARK: - Evidence

    /// A registered letter (formal notice) written to the debtor, and its posting if posted.
    public struct FormalNotice: Sendable, Hashable {
        public var jobId: UUID
        /// When the letter was written (its outcome).
        public var preparedAt: Date
        /// The letter's PDF (`file://` URI).
        public var artefactURI: String?
        public var sha256: String?
        /// The day of the postal manifest that posted it; nil while not posted.
        public var manifestDay: CalendarDate?
        /// The invoices it was about.
        public var invoiceNumbers: [String]
    }

    /// One thing done with the debtor: a job's outcome.
    public struct Contact: Sendable, Hashable {
        public var jobId: UUID
        public var channel: RelanceCore.Channel
        /// `job_outcomes.outcome`, as stored.
        public var outcome: String
        public var completedAt: Date
        public var artefactURI: String?
    }

    public struct Evidence: Sendable, Hashable {
        public var debtorIdentifiers: LegalIdentifiers?
        /// Oldest first.
        public var formalNotices: [FormalNotice]
        /// Every outcome of the debtor's jobs but the dossier's own, oldest first.
        public var contacts: [Contact]
    }

    /// What the dossier of `jobId` against `debtorId` cites.
    public func evidence(tenantId: UUID, debtorId: UUID, excludingJob jobId: UUID) async throws -> Evidence {
        try await client.run {
            var identifiers: LegalIdentifiers?
            let debtorRows = try await client.query(
                "SELECT legal_identifiers::text FROM debtors WHERE tenant_id = \(tenantId) AND id = \(debtorId)",
                logger: logger
            )
            for try await text in debtorRows.decode(String?.self) {
                identifiers = try text.map { try StoreJSON.decodeSnake(LegalIdentifiers.self, from: $0, what: "debtor's legal identifiers") }
            }

            let noticeRows = try await client.query(
                """
                SELECT o.job_id, o.completed_at, o.artefact_uri, o.detail ->> 'sha256', p.manifest_day,
                       COALESCE((SELECT array_agg(i.number ORDER BY i.due_date, i.number)
                                 FROM schedule_steps s JOIN invoices i ON i.tenant_id = s.tenant_id AND i.id = s.invoice_id
                                 WHERE s.tenant_id = o.tenant_id AND s.job_id = o.job_id), '{}')
                FROM job_outcomes o
                LEFT JOIN letter_postings p ON p.job_id = o.job_id
                WHERE o.tenant_id = \(tenantId) AND o.debtor_id = \(debtorId)
                  AND o.channel = 'registered_letter' AND o.outcome IN ('prepared', 'sent') AND o.job_id <> \(jobId)
                ORDER BY o.completed_at, o.job_id
                """,
                logger: logger
            )
            var notices: [FormalNotice] = []
            for try await row in noticeRows {
                var cells = RowCells(row)
                notices.append(FormalNotice(
                    jobId: try cells.next(), preparedAt: try cells.next(), artefactURI: try cells.next(), sha256: try cells.next(),
                    manifestDay: try cells.next(), invoiceNumbers: try cells.next()
                ))
            }

            let contactRows = try await client.query(
                """
                SELECT job_id, channel, outcome, completed_at, artefact_uri
                FROM job_outcomes
                WHERE tenant_id = \(tenantId) AND debtor_id = \(debtorId) AND job_id <> \(jobId)
                ORDER BY completed_at, job_id
                """,
                logger: logger
            )
            var contacts: [Contact] = []
            for try await row in contactRows {
                var cells = RowCells(row)
                let job: UUID = try cells.next()
                let channelText: String = try cells.next()
                guard let channel = RelanceCore.Channel(rawValue: channelText) else {
                    throw StoreError(.corruptRecord, "the outcome of job \(job) names an unknown channel '\(channelText)'")
                }
                contacts.append(Contact(
                    jobId: job, channel: channel, outcome: try cells.next(), completedAt: try cells.next(), artefactURI: try cells.next()
                ))
            }
            return Evidence(debtorIdentifiers: identifiers, formalNotices: notices, contacts: contacts)
        }
    }

    // MARK: - Filings

    /// A dossier as the legal channel records it.
    public struct Draft: Sendable, Hashable {
        public var jobId: UUID
        public var tenantId: UUID
        public var debtorId: UUID
        public var invoiceIds: [UUID]
        public var invoiceNumbers: [String]
        public var courtKind: CourtKind
        public var courtName: String
        public var courtConfirmed: Bool
        /// The Cerfa number.
        public var form: String
        public var principal: Money
        public var interest: Money
        public var fixedIndemnity: Money
        public var total: Money
        public var claimDate: CalendarDate
        public var pdfPath: String
        public var pdfSHA256: String
        public var pdfPages: Int
        public var manifestPath: String
        public var manifestSHA256: String
        public var warnings: [String]

        public init(
            jobId: UUID, tenantId: UUID, debtorId: UUID, invoiceIds: [UUID], invoiceNumbers: [String], courtKind: CourtKind,
            courtName: String, courtConfirmed: Bool, form: String, principal: Money, interest: Money, fixedIndemnity: Money,
            total: Money, claimDate: CalendarDate, pdfPath: String, pdfSHA256: String, pdfPages: Int, manifestPath: String,
            manifestSHA256: String, warnings: [String]
        ) {
            self.jobId = jobId
            self.tenantId = tenantId
            self.debtorId = debtorId
            self.invoiceIds = invoiceIds
            self.invoiceNumbers = invoiceNumbers
            self.courtKind = courtKind
            self.courtName = courtName
            self.courtConfirmed = courtConfirmed
            self.form = form
            self.principal = principal
            self.interest = interest
            self.fixedIndemnity = fixedIndemnity
            self.total = total
            self.claimDate = claimDate
            self.pdfPath = pdfPath
            self.pdfSHA256 = pdfSHA256
            self.pdfPages = pdfPages
            self.manifestPath = manifestPath
            self.manifestSHA256 = manifestSHA256
            self.warnings = warnings
        }
    }

    /// Records the dossier of a legal job: a new row, or the job's row rewritten when the job
    /// was redelivered and its dossier still waits for review (a dossier filed or withdrawn
    /// stays as it was). Returns the filing's id.
    @discardableResult
    public func record(_ draft: Draft) async throws -> UUID {
        try await client.run {
            let rows = try await client.query(
                """
                INSERT INTO legal_filings (
                    id, job_id, tenant_id, debtor_id, invoice_ids, invoice_numbers, court_kind, court_name, court_confirmed,
                    form, currency, principal_minor, interest_minor, indemnity_minor, total_minor, claim_date,
                    pdf_path, pdf_sha256, pdf_pages, manifest_path, manifest_sha256, warnings)
                VALUES (
                    \(UUID()), \(draft.jobId), \(draft.tenantId), \(draft.debtorId), \(draft.invoiceIds), \(draft.invoiceNumbers),
                    \(draft.courtKind.rawValue), \(draft.courtName), \(draft.courtConfirmed), \(draft.form),
                    \(draft.total.currency.code), \(draft.principal.minorUnits), \(draft.interest.minorUnits),
                    \(draft.fixedIndemnity.minorUnits), \(draft.total.minorUnits), \(draft.claimDate),
                    \(draft.pdfPath), \(draft.pdfSHA256), \(draft.pdfPages), \(draft.manifestPath), \(draft.manifestSHA256), \(draft.warnings))
                ON CONFLICT (job_id) DO UPDATE SET
                    invoice_ids = EXCLUDED.invoice_ids, invoice_numbers = EXCLUDED.invoice_numbers,
                    court_kind = EXCLUDED.court_kind, court_name = EXCLUDED.court_name,
                    court_confirmed = EXCLUDED.court_confirmed, form = EXCLUDED.form, currency = EXCLUDED.currency,
                    principal_minor = EXCLUDED.principal_minor, interest_minor = EXCLUDED.interest_minor,
                    indemnity_minor = EXCLUDED.indemnity_minor, total_minor = EXCLUDED.total_minor,
                    claim_date = EXCLUDED.claim_date, pdf_path = EXCLUDED.pdf_path, pdf_sha256 = EXCLUDED.pdf_sha256, pdf_pages = EXCLUDED.pdf_pages,
                    manifest_path = EXCLUDED.manifest_path, manifest_sha256 = EXCLUDED.manifest_sha256,
                    warnings = EXCLUDED.warnings, updated_at = now()
                WHERE legal_filings.status = 'ready_for_review'
                RETURNING id
                """,
                logger: logger
            )
            for try await id in rows.decode(UUID.self) { return id }
            // Filed or withdrawn already: the row stays; say which it is.
            let existing = try await client.query("SELECT id FROM legal_filings WHERE job_id = \(draft.jobId)", logger: logger)
            for try await id in existing.decode(UUID.self) { return id }
            throw StoreError(.databaseError, "the filing of job \(draft.jobId) was neither written nor found")
        }
    }

    /// A filing as listed.
    public struct Filing: Sendable, Hashable {
        public var id: UUID
        public var jobId: UUID
        public var tenantId: UUID
        public var debtorId: UUID
        public var debtorName: String
        public var invoiceNumbers: [String]
        public var courtKind: CourtKind
        public var courtName: String
        public var courtConfirmed: Bool
        public var form: String
        public var total: Money
        public var claimDate: CalendarDate
        public var pdfPath: String
        public var pdfSHA256: String
        public var pdfPages: Int
        public var manifestPath: String
        public var manifestSHA256: String
        public var warnings: [String]
        public var status: FilingStatus
        public var filedBy: String?
        public var filedAt: Date?
        public var filingReference: String?
        public var withdrawnBy: String?
        public var withdrawnAt: Date?
        public var preparedAt: Date
    }

    private static let columns = """
        f.id, f.job_id, f.tenant_id, f.debtor_id, d.name, f.invoice_numbers, f.court_kind, f.court_name, f.court_confirmed,
        f.form, f.currency::text, f.total_minor, f.claim_date, f.pdf_path, f.pdf_sha256, f.pdf_pages, f.manifest_path,
        f.manifest_sha256, f.warnings, f.status,
        f.filed_by, f.filed_at, f.filing_reference, f.withdrawn_by, f.withdrawn_at, f.prepared_at
        """

    private static func filing(_ row: PostgresRow) throws -> Filing {
        var cells = RowCells(row)
        let id: UUID = try cells.next()
        return try StoreError.reading("filing \(id)") {
            let jobId: UUID = try cells.next(), tenantId: UUID = try cells.next(), debtorId: UUID = try cells.next()
            let debtorName: String = try cells.next(), numbers: [String] = try cells.next()
            let kindText: String = try cells.next()
            guard let kind = CourtKind(rawValue: kindText) else { throw StoreError(.corruptRecord, "unknown court kind '\(kindText)'") }
            let courtName: String = try cells.next(), confirmed: Bool = try cells.next(), form: String = try cells.next()
            let currency = try Currency(code: try cells.next(String.self))
            let total = Money(minorUnits: try cells.next(Int64.self), currency: currency)
            let claimDate: CalendarDate = try cells.next()
            let pdf: String = try cells.next(), pdfSHA256: String = try cells.next(), pages: Int = try cells.next()
            let manifest: String = try cells.next(), manifestSHA256: String = try cells.next(), warnings: [String] = try cells.next()
            let statusText: String = try cells.next()
            guard let status = FilingStatus(rawValue: statusText) else { throw StoreError(.corruptRecord, "unknown status '\(statusText)'") }
            return Filing(
                id: id, jobId: jobId, tenantId: tenantId, debtorId: debtorId, debtorName: debtorName, invoiceNumbers: numbers,
                courtKind: kind, courtName: courtName, courtConfirmed: confirmed, form: form, total: total, claimDate: claimDate,
                pdfPath: pdf, pdfSHA256: pdfSHA256, pdfPages: pages, manifestPath: manifest, manifestSHA256: manifestSHA256,
                warnings: warnings, status: status, filedBy: try cells.next(),
                filedAt: try cells.next(), filingReference: try cells.next(), withdrawnBy: try cells.next(),
                withdrawnAt: try cells.next(), preparedAt: try cells.next()
            )
        }
    }

    /// The filings, oldest first; `tenant` and `status` narrow the list.
    public func list(tenant: UUID? = nil, status: FilingStatus? = nil) async throws -> [Filing] {
        try await client.transaction(scopedTo: tenantScope, logger: logger) { connection in
            let rows = try await connection.query(
                """
                SELECT \(unescaped: Self.columns)
                FROM legal_filings f JOIN debtors d ON d.tenant_id = f.tenant_id AND d.id = f.debtor_id
                WHERE (\(tenant == nil) OR f.tenant_id = \(tenant ?? UUID()))
                  AND (\(status == nil) OR f.status = \(status?.rawValue ?? ""))
                ORDER BY f.prepared_at, f.id
                """,
                logger: logger
            )
            var filings: [Filing] = []
            for try await row in rows { filings.append(try Self.filing(row)) }
            return filings
        }
    }

    /// The filing with id `id`, or of the job `id`; nil when neither exists.
    public func filing(_ id: UUID) async throws -> Filing? {
        try await client.transaction(scopedTo: tenantScope, logger: logger) { connection in
            let rows = try await connection.query(
                """
                SELECT \(unescaped: Self.columns)
                FROM legal_filings f JOIN debtors d ON d.tenant_id = f.tenant_id AND d.id = f.debtor_id
                WHERE f.id = \(id) OR f.job_id = \(id)
                """,
                logger: logger
            )
            for try await row in rows { return try Self.filing(row) }
            return nil
        }
    }

    /// Marks the filing `id` (its id or its job's) filed with the court by `by` at `at`, with
    /// the court's `reference` when given. A filing not waiting for review (filed or withdrawn
    /// already) is refused with `invalid_record`; an unknown id with `not_found`.
    public func markFiled(_ id: UUID, by: String, reference: String?, at: Date = Date()) async throws -> Filing {
        let who = by.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !who.isEmpty else { throw StoreError(.invalidRecord, "who filed it must be named (--by)") }
        let reference = reference.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        return try await change(id) { connection in
            try await connection.query(
                """
                UPDATE legal_filings SET status = 'filed', filed_by = \(who), filed_at = \(at), filing_reference = \(reference),
                       updated_at = now()
                WHERE (id = \(id) OR job_id = \(id)) AND status = 'ready_for_review'
                RETURNING id
                """,
                logger: logger
            )
        }
    }

    /// Marks the filing `id` (its id or its job's) withdrawn by `by` at `at`; refused like
    /// `markFiled` when it no longer waits for review.
    public func markWithdrawn(_ id: UUID, by: String, at: Date = Date()) async throws -> Filing {
        let who = by.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !who.isEmpty else { throw StoreError(.invalidRecord, "who withdrew it must be named (--by)") }
        return try await change(id) { connection in
            try await connection.query(
                """
                UPDATE legal_filings SET status = 'withdrawn', withdrawn_by = \(who), withdrawn_at = \(at), updated_at = now()
                WHERE (id = \(id) OR job_id = \(id)) AND status = 'ready_for_review'
                RETURNING id
                """,
                logger: logger
            )
        }
    }

    /// Runs `update` (which returns the ids it changed) and returns the filing after it, or
    /// explains why nothing changed.
    private func change(_ id: UUID, _ update: @escaping @Sendable (PostgresConnection) async throws -> PostgresRowSequence) async throws -> Filing {
        let changed = try await client.transaction(scopedTo: tenantScope, logger: logger) { connection in
            var count = 0
            for try await _ in try await update(connection) { count += 1 }
            return count
        }
        guard let filing = try await filing(id) else {
            throw StoreError(.notFound, "no filing has id \(id.uuidString.lowercased()), nor belongs to a job with that id")
        }
        guard changed > 0 else {
            let when = { (date: Date?) in date.map { ISO8601DateFormatter().string(from: $0) } ?? "?" }
            switch filing.status {
            case .filed:
                throw StoreError(.invalidRecord,
                    "filing \(filing.id.uuidString.lowercased()) was already filed by \(filing.filedBy ?? "?") at \(when(filing.filedAt))"
                    + (filing.filingReference.map { " (reference \($0))" } ?? ""))
            case .withdrawn:
                throw StoreError(.invalidRecord,
                    "filing \(filing.id.uuidString.lowercased()) was withdrawn by \(filing.withdrawnBy ?? "?") at \(when(filing.withdrawnAt))")
            case .readyForReview:
                throw StoreError(.databaseError, "filing \(filing.id.uuidString.lowercased()) could not be changed")
            }
        }
        return filing
    }
}
