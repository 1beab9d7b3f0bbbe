import Foundation
import Logging
import PostgresNIO
import RelanceChannels
import RelanceCore
import RelanceFixtures
import RelancePipeline
import RelanceStore
import RelanceTestSupport

/// A debtor's file for the legal channel: built in memory (`SnapshotBuilder`) so the domain
/// composes the job's message as a worker would, and the same parties, invoices and earlier
/// jobs written to a fresh PostgreSQL database, where the channel reads its evidence.
///
/// Only values (the in-memory builder is not marked `Sendable`); a test builds it, then hands
/// an immutable copy to the database closure.
struct LegalDossierFixture: @unchecked Sendable {
    typealias F = SnapshotBuilder

    var batch = F()
    let tenant: Tenant
    var creditor: Creditor
    let debtor: Debtor
    var invoices: [InvoiceID] = []
    /// The legal job and when it is taken.
    var job: ReminderJob!
    let now: Date

    /// An earlier job of the debtor, with its outcome (and posting, for a registered letter).
    struct EarlierJob {
        var id = UUID()
        var channel: RelanceCore.Channel
        var outcome: OutcomeKind
        var completedAt: Date
        var artefactURI: String?
        var postedOn: CalendarDate?
    }
    var earlier: [EarlierJob] = []

    /// Registration numbers to store for the debtor.
    var debtorIdentifiers: LegalIdentifiers?

    init(
        creditorName: String = "Crèmerie Façon & Cœur SARL",
        creditorSiren: String? = "732 829 320",
        debtorName: String = "Pâtisserie Éloïse Noël",
        kind: DebtorKind = .business,
        address: PostalAddress? = F.paris19,
        now: Date = F.moment("2026-03-06")
    ) {
        tenant = batch.tenant("Atelier Durand")
        creditor = batch.creditor(of: tenant, name: creditorName)
        creditor.legalIdentifiers = creditorSiren.map { LegalIdentifiers(registrationNumber: $0, vatNumber: "FR40732829320") }
        batch.snapshot.creditors[creditor.id] = creditor
        debtor = batch.debtor(of: creditor, name: debtorName, kind: kind, address: address)
        self.now = now
    }

    @discardableResult
    mutating func invoice(_ number: String, amount: String, issued: String, due: String) -> InvoiceID {
        let id = batch.invoice(debtor, number: number, amount: amount, issued: issued, due: due)
        invoices.append(id)
        return id
    }

    /// The legal step (position 6 of the built-in ladder) dispatched for every invoice.
    mutating func dispatchLegal() {
        job = batch.dispatch(position: 6, of: invoices, at: now)
    }

    func channelJob(attempt: Int = 1) throws -> ChannelJob {
        ChannelJob(job: job, steps: job.steps, invoices: [:], attempt: attempt, now: now, message: try F.composer.context(for: job, at: now, from: batch.snapshot))
    }

    // MARK: - The database

    func seed(_ client: PostgresClient) async throws {
        let logger = FreshDatabase.logger
        try await TenantRepository(client: client, logger: logger).create(tenant)
        try await CreditorRepository(client: client, logger: logger).create(creditor)
        try await DebtorRepository(client: client, logger: logger).create(DebtorRecord(debtor: debtor))
        if let debtorIdentifiers {
            let json = #"{"registration_number": "\#(debtorIdentifiers.registrationNumber ?? "")"}"#
            try await client.query("UPDATE debtors SET legal_identifiers = \(json)::jsonb WHERE id = \(debtor.id.uuid)", logger: logger)
        }
        for id in invoices {
            let facts = batch.snapshot.invoices[id]!
            try await client.query(
                """
                INSERT INTO invoices (tenant_id, id, creditor_id, debtor_id, number, issue_date, due_date, currency,
                                      amount_minor, outstanding_minor, jurisdiction)
                VALUES (\(tenant.id.uuid), \(id.uuid), \(creditor.id.uuid), \(debtor.id.uuid), \(facts.number), \(facts.issueDate),
                        \(facts.dueDate), 'EUR', \(facts.amount.minorUnits), \(facts.outstanding.minorUnits), \(facts.jurisdiction.rawValue))
                """,
                logger: logger
            )
        }
        try await insertJob(job.jobId, channel: .legal, at: job.createdAt, on: client)
        for earlier in earlier {
            try await insertJob(earlier.id, channel: earlier.channel, at: earlier.completedAt, on: client)
            let detail = earlier.artefactURI == nil ? "{}" : #"{"sha256": "\#(String(repeating: "ab", count: 32))"}"#
            try await client.query(
                """
                INSERT INTO job_outcomes (tenant_id, job_id, debtor_id, channel, outcome, detail, artefact_uri, completed_at)
                VALUES (\(tenant.id.uuid), \(earlier.id), \(debtor.id.uuid), \(earlier.channel.rawValue), \(earlier.outcome.rawValue),
                        \(detail)::jsonb, \(earlier.artefactURI), \(earlier.completedAt))
                """,
                logger: logger
            )
            for (position, id) in invoices.enumerated() where earlier.channel == .registeredLetter {
                let due = CalendarDate(earlier.completedAt, in: F.paris)
                try await client.query(
                    """
                    INSERT INTO schedule_steps (tenant_id, id, invoice_id, debtor_id, position, channel, template_key, due_date,
                                                due_at, status, job_id)
                    VALUES (\(tenant.id.uuid), \(UUID()), \(id.uuid), \(debtor.id.uuid), \(5 + 10 * position), 'registered_letter',
                            'notice.formal', \(due), \(earlier.completedAt), 'done', \(earlier.id))
                    """,
                    logger: logger
                )
            }
            if let postedOn = earlier.postedOn {
                try await client.query(
                    "INSERT INTO letter_postings (job_id, tenant_id, manifest_day) VALUES (\(earlier.id), \(tenant.id.uuid), \(postedOn))",
                    logger: logger
                )
            }
        }
    }

    private func insertJob(_ id: UUID, channel: RelanceCore.Channel, at moment: Date, on client: PostgresClient) async throws {
        try await client.query(
            """
            INSERT INTO jobs (tenant_id, id, debtor_id, channel, payload, created_at)
            VALUES (\(tenant.id.uuid), \(id), \(debtor.id.uuid), \(channel.rawValue), '{}'::json, \(moment))
            """,
            logger: FreshDatabase.logger
        )
    }

    /// The rows of `legal_filings` for this job.
    static func filingCount(_ client: PostgresClient) async throws -> Int {
        let rows = try await client.query("SELECT count(*)::int FROM legal_filings", logger: FreshDatabase.logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }
}
