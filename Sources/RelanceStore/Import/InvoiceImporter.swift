import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// What an import did, row by row, summed.
public struct ImportReport: Sendable, Hashable {
    /// Records read (good and bad).
    public var rows = 0
    /// New invoices stored and planned.
    public var imported = 0
    /// Known invoices whose amount changed (an `amount_changed` event each).
    public var updated = 0
    /// Known invoices sent again as they are: nothing written.
    public var unchanged = 0
    /// New debtors stored.
    public var debtorsCreated = 0
    /// Rows refused (each with at least one issue).
    public var rejected = 0
    /// The issues of refused rows, the first `issueLimit`; `issueCount` counts them all.
    public var issues: [ImportIssue] = []
    public var issueCount = 0

    public static let issueLimit = 1_000

    public init() {}

    mutating func refuse(_ rowIssues: [ImportIssue]) {
        rejected += 1
        issueCount += rowIssues.count
        for issue in rowIssues where issues.count < Self.issueLimit { issues.append(issue) }
    }
}

/// Imports validated rows (`ImportParser`'s) for one tenant, a batch per transaction on the
/// application role's pool, each transaction naming the tenant (row-level security).
///
/// Natural keys make a file sent twice create nothing new: a creditor is found by its
/// reference (or is the tenant's only creditor when the row names none), a debtor by its
/// creditor and external reference, an invoice by its creditor and number. A known invoice
/// with another amount is updated, with an `amount_changed` event; a new one is stored and
/// planned as `InvoiceIntake` plans every invoice. A row that cannot be stored is refused with
/// its line, field and reason; the others of its batch are stored.
public struct InvoiceImporter: Sendable {
    public let client: PostgresClient
    public let tenant: TenantID
    public let logger: Logger
    /// The business day invoices are planned on.
    public let today: CalendarDate

    public init(client: PostgresClient, tenant: TenantID, today: CalendarDate, logger: Logger) {
        self.client = client
        self.tenant = tenant
        self.today = today
        self.logger = logger
    }

    /// Rows per transaction.
    public static let batchSize = 2_000

    /// Stores `rows` (one batch); adds what happened to `report`.
    public func importBatch(_ rows: [ImportRow], into report: inout ImportReport) async throws {
        guard !rows.isEmpty else { return }
        do {
            let outcome = try await client.withTenant(tenant, logger: logger) { connection in
                try await store(rows, on: connection)
            }
            report.merge(outcome)
        } catch let error as StoreError where error.code == .constraintViolation && rows.count > 1 {
            // A row the database refuses (a rule the validation did not foresee): split the
            // batch until it is found, so the others are stored.
            let half = rows.count / 2
            try await importBatch(Array(rows[..<half]), into: &report)
            try await importBatch(Array(rows[half...]), into: &report)
        } catch let error as StoreError where error.code == .constraintViolation {
            report.rows += 1
            report.refuse([ImportIssue(line: rows[0].line, field: nil, code: "refused", message: "the database refused the row: \(error.message)")])
        }
    }

    // MARK: - One batch

    private func store(_ rows: [ImportRow], on connection: PostgresConnection) async throws -> ImportReport {
        var report = ImportReport()
        report.rows = rows.count
        let creditors = try await creditorIds(for: rows, on: connection)
        let policies = try await policyIds(named: Set(rows.compactMap(\.invoice.policyName)), on: connection)

        // Rows whose creditor or policy is unknown are refused; the others go on.
        var accepted: [(row: ImportRow, creditor: UUID)] = []
        for row in rows {
            var issues: [ImportIssue] = []
            let creditor: UUID?
            switch creditors.resolve(row.creditor?.reference) {
            case .success(let id): creditor = id
            case .failure(let issue):
                creditor = nil
                issues.append(ImportIssue(line: row.line, field: "creditor_ref", code: issue.code, message: issue.message))
            }
            if let name = row.invoice.policyName, policies[name] == nil {
                issues.append(ImportIssue(line: row.line, field: "policy", code: "unknown_policy",
                                          message: "no dunning policy is named '\(name)'"))
            }
            if let outstanding = row.invoice.outstanding, outstanding.isZero {
                issues.append(ImportIssue(line: row.line, field: "outstanding", code: "nothing_owed",
                                          message: "invoice \(row.invoice.number) owes nothing: there is nothing to collect"))
            }
            if let creditor, issues.isEmpty { accepted.append((row, creditor)) } else { report.refuse(issues) }
        }

        // Debtors: found by (creditor, reference), the others created once each.
        let debtorKeys = Set(accepted.map { DebtorKey(creditor: $0.creditor, reference: $0.row.debtor.reference) })
        var debtors = try await debtorIds(for: debtorKeys, on: connection)
        var newDebtors: [DebtorRecord] = []
        var identifiers: [DebtorID: LegalIdentifiers] = [:]
        for (row, creditor) in accepted {
            let key = DebtorKey(creditor: creditor, reference: row.debtor.reference)
            guard debtors[key] == nil else { continue }
            let source = row.debtor
            let debtor = try Debtor(
                id: DebtorID(UUID.timeOrdered()), tenantId: tenant, creditorId: CreditorID(creditor), name: source.name,
                kind: source.kind, language: source.language, timeZone: source.timeZone.identifier,
                contacts: DebtorContacts(email: source.email, phone: source.phone, postalAddress: source.postalAddress)
            )
            debtors[key] = debtor.id.uuid
            newDebtors.append(DebtorRecord(debtor: debtor, externalRef: source.reference))
            if let siren = source.siren { identifiers[debtor.id] = LegalIdentifiers(registrationNumber: siren) }
        }
        try await DebtorRepository.insert(newDebtors, legalIdentifiers: identifiers, on: connection, logger: logger)
        report.debtorsCreated = newDebtors.count

        // Invoices: known ones compared, new ones planned. A number twice in one file is
        // one invoice: the later row is its update.
        let invoiceKeys = Set(accepted.map { InvoiceKey(creditor: $0.creditor, number: $0.row.invoice.number) })
        var known = try await knownInvoices(invoiceKeys, on: connection)
        var fresh: [Invoice] = []
        var jurisdictions: [InvoiceID: Jurisdiction] = [:]
        var pending: [InvoiceKey: Int] = [:]
        for (row, creditor) in accepted {
            let key = InvoiceKey(creditor: creditor, number: row.invoice.number)
            guard let debtor = debtors[DebtorKey(creditor: creditor, reference: row.debtor.reference)] else { continue }
            if let index = pending[key] {
                // Sent twice in this batch before being stored: the later amount wins.
                let earlier = fresh[index]
                if earlier.amount != row.invoice.amount {
                    fresh[index] = try makeInvoice(row, id: earlier.id, creditor: creditor, debtor: debtor, policies: policies)
                    report.updated += 1
                } else {
                    report.unchanged += 1
                }
                continue
            }
            if let stored = known[key] {
                guard stored.debtor == debtor else {
                    report.refuse([ImportIssue(line: row.line, field: "debtor_ref", code: "debtor_changed",
                                               message: "invoice \(row.invoice.number) is already stored for another debtor")])
                    continue
                }
                guard stored.amount != row.invoice.amount.minorUnits || stored.currency != row.invoice.amount.currency.code else {
                    report.unchanged += 1
                    continue
                }
                if let issue = try await changeAmount(stored, to: row.invoice.amount, line: row.line, on: connection) {
                    report.refuse([issue])
                } else {
                    report.updated += 1
                    known[key]?.amount = row.invoice.amount.minorUnits
                }
                continue
            }
            let invoice = try makeInvoice(row, id: InvoiceID(UUID.timeOrdered()), creditor: creditor, debtor: debtor, policies: policies)
            if let jurisdiction = row.invoice.jurisdiction { jurisdictions[invoice.id] = jurisdiction }
            pending[key] = fresh.count
            fresh.append(invoice)
        }
        try await InvoiceIntake(client: client, logger: logger)
            .add(fresh, jurisdictions: jurisdictions, today: today, connection: connection)
        report.imported = fresh.count
        return report
    }

    private func makeInvoice(_ row: ImportRow, id: InvoiceID, creditor: UUID, debtor: UUID, policies: [String: UUID]) throws -> Invoice {
        let source = row.invoice
        let partly = source.outstanding.map { $0.minorUnits < source.amount.minorUnits } ?? false
        return try Invoice(
            id: id, tenantId: tenant, creditorId: CreditorID(creditor), debtorId: DebtorID(debtor), number: source.number,
            issueDate: source.issueDate, dueDate: source.dueDate, amount: source.amount, outstanding: source.outstanding,
            contractRate: source.contractRateBasisPoints.map(Rate.init(basisPoints:)),
            state: partly ? .partiallyPaid : .open,
            policyOverride: source.policyName.flatMap { policies[$0] }.map(DunningPolicyID.init)
        )
    }

    // MARK: - Look-ups

    private struct DebtorKey: Hashable, Sendable {
        var creditor: UUID
        var reference: String
    }

    private struct InvoiceKey: Hashable, Sendable {
        var creditor: UUID
        var number: String
    }

    private struct KnownInvoice: Sendable {
        var id: UUID
        var debtor: UUID
        var amount: Int64
        var outstanding: Int64
        var currency: String
        var state: String
    }

    /// The tenant's creditors by reference, and its only creditor for rows that name none.
    private struct CreditorIndex: Sendable {
        var byReference: [String: UUID]
        var only: UUID?
        var count: Int

        struct Refusal: Error {
            var code: String
            var message: String
        }

        func resolve(_ reference: String?) -> Result<UUID, Refusal> {
            if let reference {
                guard let id = byReference[reference] else {
                    return .failure(Refusal(code: "unknown_creditor", message:
                        "no creditor has the reference '\(reference)': create it first (POST /v1/creditors with external_ref)"))
                }
                return .success(id)
            }
            guard let only else {
                return .failure(Refusal(code: "missing", message: count == 0
                    ? "the tenant has no creditor yet: create one first (POST /v1/creditors)"
                    : "the tenant has \(count) creditors: name the invoice's in creditor_ref"))
            }
            return .success(only)
        }
    }

    private func creditorIds(for rows: [ImportRow], on connection: PostgresConnection) async throws -> CreditorIndex {
        let references = Array(Set(rows.compactMap(\.creditor?.reference)))
        var byReference: [String: UUID] = [:]
        let found = try await connection.query(
            """
            SELECT id, external_ref FROM creditors
            WHERE tenant_id = \(tenant.uuid) AND external_ref = ANY(\(references))
            """,
            logger: logger
        )
        for try await (id, reference) in found.decode((UUID, String).self) { byReference[reference] = id }
        var only: UUID?
        var count = 0
        if rows.contains(where: { $0.creditor == nil }) {
            let all = try await connection.query(
                "SELECT id FROM creditors WHERE tenant_id = \(tenant.uuid) LIMIT 2", logger: logger
            )
            var ids: [UUID] = []
            for try await id in all.decode(UUID.self) { ids.append(id) }
            count = ids.count
            only = ids.count == 1 ? ids[0] : nil
        }
        return CreditorIndex(byReference: byReference, only: only, count: count)
    }

    private func policyIds(named names: Set<String>, on connection: PostgresConnection) async throws -> [String: UUID] {
        guard !names.isEmpty else { return [:] }
        var result: [String: UUID] = [:]
        let rows = try await connection.query(
            """
            SELECT DISTINCT ON (name) name, id FROM dunning_policies
            WHERE tenant_id = \(tenant.uuid) AND name = ANY(\(Array(names)))
            ORDER BY name, version DESC
            """,
            logger: logger
        )
        for try await (name, id) in rows.decode((String, UUID).self) { result[name] = id }
        return result
    }

    private func debtorIds(for keys: Set<DebtorKey>, on connection: PostgresConnection) async throws -> [DebtorKey: UUID] {
        guard !keys.isEmpty else { return [:] }
        let list = Array(keys)
        var result: [DebtorKey: UUID] = [:]
        let rows = try await connection.query(
            """
            SELECT d.id, d.creditor_id, d.external_ref FROM debtors d
            JOIN unnest(\(list.map(\.creditor)), \(list.map(\.reference))) AS k(creditor_id, external_ref)
              ON d.creditor_id = k.creditor_id AND d.external_ref = k.external_ref
            WHERE d.tenant_id = \(tenant.uuid)
            """,
            logger: logger
        )
        for try await (id, creditor, reference) in rows.decode((UUID, UUID, String).self) {
            result[DebtorKey(creditor: creditor, reference: reference)] = id
        }
        return result
    }

    private func knownInvoices(_ keys: Set<InvoiceKey>, on connection: PostgresConnection) async throws -> [InvoiceKey: KnownInvoice] {
        guard !keys.isEmpty else { return [:] }
        let list = Array(keys)
        var result: [InvoiceKey: KnownInvoice] = [:]
        let rows = try await connection.query(
            """
            SELECT i.id, i.creditor_id, i.number, i.debtor_id, i.amount_minor, i.outstanding_minor, i.currency::text, i.state
            FROM invoices i
            JOIN unnest(\(list.map(\.creditor)), \(list.map(\.number))) AS k(creditor_id, number)
              ON i.creditor_id = k.creditor_id AND i.number = k.number
            WHERE i.tenant_id = \(tenant.uuid)
            """,
            logger: logger
        )
        for try await (id, creditor, number, debtor, amount, outstanding, currency, state) in rows.decode(
            (UUID, UUID, String, UUID, Int64, Int64, String, String).self
        ) {
            result[InvoiceKey(creditor: creditor, number: number)] = KnownInvoice(
                id: id, debtor: debtor, amount: amount, outstanding: outstanding, currency: currency, state: state
            )
        }
        return result
    }

    /// A known invoice sent again with another amount: what was paid stays paid, the
    /// outstanding moves by the difference; refused (an issue) when that cannot hold.
    private func changeAmount(_ stored: KnownInvoice, to amount: Money, line: Int, on connection: PostgresConnection) async throws -> ImportIssue? {
        guard amount.currency.code == stored.currency else {
            return ImportIssue(line: line, field: "currency", code: "currency_changed",
                               message: "the invoice is stored in \(stored.currency), not \(amount.currency.code)")
        }
        guard stored.state != "paid", stored.state != "written_off" else {
            return ImportIssue(line: line, field: "amount", code: "settled_invoice",
                               message: "the invoice is \(stored.state.replacingOccurrences(of: "_", with: " ")): its amount is not changed")
        }
        let paid = stored.amount - stored.outstanding
        let outstanding = amount.minorUnits - paid
        guard outstanding > 0 else {
            return ImportIssue(line: line, field: "amount", code: "amount_below_paid",
                               message: "\(amount) is not more than the \(Money(minorUnits: paid, currency: amount.currency)) already paid")
        }
        let detail = EventDetail([
            "from": .string(Money(minorUnits: stored.amount, currency: amount.currency).decimalString),
            "to": .string(amount.decimalString),
            "currency": .string(amount.currency.code),
            "source": .string("import"),
        ]).json
        try await connection.query(
            """
            WITH changed AS (
                UPDATE invoices SET amount_minor = \(amount.minorUnits), outstanding_minor = \(outstanding), updated_at = now()
                WHERE id = \(stored.id) AND tenant_id = \(tenant.uuid)
                RETURNING tenant_id, id, state
            )
            INSERT INTO invoice_events (tenant_id, invoice_id, effective_date, kind, from_state, to_state, detail)
            SELECT tenant_id, id, \(today), 'amount_changed', state, state, \(detail)::jsonb FROM changed
            """,
            logger: logger
        )
        return nil
    }
}

extension ImportReport {
    mutating func merge(_ other: ImportReport) {
        rows += other.rows
        imported += other.imported
        updated += other.updated
        unchanged += other.unchanged
        debtorsCreated += other.debtorsCreated
        rejected += other.rejected
        issueCount += other.issueCount
        for issue in other.issues where issues.count < Self.issueLimit { issues.append(issue) }
    }
}
