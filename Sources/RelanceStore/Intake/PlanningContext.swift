import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// What planning a batch of invoices reads, loaded with one query per table: the parties of
/// each invoice, the policies they name (latest versions), and the debtors' past invoices.
struct PlanningContext {
    var tenants: [TenantID: TenantRecord] = [:]
    var creditors: [CreditorID: Creditor] = [:]
    var debtors: [DebtorID: DebtorRecord] = [:]
    /// Latest version of each policy named by an invoice, debtor, creditor or tenant, keyed by
    /// the id that names it.
    var policies: [DunningPolicyID: DunningPolicy] = [:]
    var history: [DebtorID: [PaymentHistoryEntry]] = [:]

    static func load(
        for invoices: [Invoice],
        includingHistory: Bool = false,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> PlanningContext {
        var context = PlanningContext()
        context.tenants = try await TenantRepository.tenants(
            Array(Set(invoices.map(\.tenantId))), on: connection, logger: logger
        )
        context.creditors = try await CreditorRepository.creditors(
            Array(Set(invoices.map(\.creditorId))), on: connection, logger: logger
        )
        context.debtors = try await DebtorRepository.debtors(
            Array(Set(invoices.map(\.debtorId))), on: connection, logger: logger
        )
        var named = Set(invoices.compactMap(\.policyOverride))
        named.formUnion(context.debtors.values.compactMap(\.debtor.policyOverride))
        named.formUnion(context.creditors.values.compactMap(\.policyOverride))
        named.formUnion(context.tenants.values.compactMap(\.tenant.defaultPolicyId))
        context.policies = try await DunningPolicyRepository.latestVersions(of: Array(named), on: connection, logger: logger)
        if includingHistory {
            context.history = try await history(of: Array(context.debtors.values.map(\.debtor)), on: connection, logger: logger)
        }
        return context
    }

    /// The debtors' invoices already stored, as the behaviour profile needs them: the paid date
    /// is the date of the payment that settled the invoice (kept in its `paid` state), and an
    /// invoice settled by more than one payment was paid in parts.
    static func history(
        of debtors: [Debtor],
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [DebtorID: [PaymentHistoryEntry]] {
        guard !debtors.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            SELECT i.debtor_id, i.due_date, i.amount_minor, i.currency::text,
                   CASE WHEN i.state = 'paid' THEN (i.state_detail ->> 'paidOn')::date END,
                   (SELECT count(*) FROM payments p WHERE p.tenant_id = i.tenant_id AND p.invoice_id = i.id)::int8
            FROM unnest(\(debtors.map(\.tenantId.uuid)), \(debtors.map(\.id.uuid))) AS k(tenant_id, debtor_id)
            JOIN invoices i ON i.tenant_id = k.tenant_id AND i.debtor_id = k.debtor_id
            """,
            logger: logger
        )
        var result: [DebtorID: [PaymentHistoryEntry]] = [:]
        for try await (debtor, due, amount, currency, paidOn, payments) in rows.decode(
            (UUID, CalendarDate, Int64, String, CalendarDate?, Int64).self
        ) {
            result[DebtorID(debtor), default: []].append(PaymentHistoryEntry(
                dueDate: due,
                paidDate: paidOn,
                amount: Money(minorUnits: amount, currency: try Currency(code: currency)),
                paidInParts: paidOn != nil && payments > 1
            ))
        }
        return result
    }

    /// The invoice's tenant, creditor and debtor, checked to belong together.
    func parties(of invoice: Invoice) throws -> (tenant: TenantRecord, creditor: Creditor, debtor: DebtorRecord) {
        guard let tenant = tenants[invoice.tenantId] else {
            throw StoreError(.notFound, "invoice \(invoice.number) names tenant \(invoice.tenantId), which does not exist")
        }
        guard let creditor = creditors[invoice.creditorId], creditor.tenantId == invoice.tenantId else {
            throw StoreError(.notFound, "invoice \(invoice.number) names creditor \(invoice.creditorId), which tenant \(invoice.tenantId) does not have")
        }
        guard let debtor = debtors[invoice.debtorId], debtor.debtor.tenantId == invoice.tenantId else {
            throw StoreError(.notFound, "invoice \(invoice.number) names debtor \(invoice.debtorId), which tenant \(invoice.tenantId) does not have")
        }
        guard debtor.debtor.creditorId == invoice.creditorId else {
            throw StoreError(.invalidRecord, "invoice \(invoice.number): debtor \(invoice.debtorId) is a debtor of another creditor")
        }
        return (tenant, creditor, debtor)
    }

    /// The policy for `invoice`, by the resolver's order (invoice → debtor → creditor →
    /// tenant → built-in French ladder).
    func resolvedPolicy(for invoice: Invoice) throws -> ResolvedPolicy {
        let (tenant, creditor, debtor) = try parties(of: invoice)
        return try DunningPolicyResolver.resolve(
            invoice: invoice, debtor: debtor.debtor, creditor: creditor, tenant: tenant.tenant,
            lookup: { policies[$0] }
        )
    }

    /// The debtor's behaviour profile on `today`, from the invoices stored before this batch.
    func profile(of debtor: DebtorID, today: CalendarDate) -> BehaviourProfile {
        BehaviourProfile(history: history[debtor] ?? [], today: today)
    }
}
