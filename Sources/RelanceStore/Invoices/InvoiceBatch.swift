import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// New `invoices` rows gathered column by column, written in one
/// `INSERT … SELECT FROM unnest(…)`.
struct InvoiceBatch {
    private var tenants: [UUID] = []
    private var ids: [UUID] = []
    private var creditors: [UUID] = []
    private var debtors: [UUID] = []
    private var numbers: [String] = []
    private var issueDates: [CalendarDate] = []
    private var dueDates: [CalendarDate] = []
    private var currencies: [String] = []
    private var amounts: [Int64] = []
    private var outstandings: [Int64] = []
    private var rates: [Int] = []
    private var jurisdictions: [String] = []
    private var states: [String] = []
    private var stateDetails: [String] = []
    private var policies: [String] = []
    private var ladders: [String] = []
    private var sources: [String] = []
    /// JSON of states seen so far: most invoices arrive `open`.
    private var stateJSON: [InvoiceState: String] = [:]

    var isEmpty: Bool { ids.isEmpty }
    var tenantIds: Set<UUID> { Set(tenants) }

    init() {}

    /// Adds `invoice`; `ladder` is its planned ladder's JSON and `source` where it came from
    /// (both nil for an invoice stored without a schedule).
    mutating func append(_ invoice: Invoice, jurisdiction: Jurisdiction, ladder: String?, source: PolicySource?) throws {
        tenants.append(invoice.tenantId.uuid)
        ids.append(invoice.id.uuid)
        creditors.append(invoice.creditorId.uuid)
        debtors.append(invoice.debtorId.uuid)
        numbers.append(invoice.number)
        issueDates.append(invoice.issueDate)
        dueDates.append(invoice.dueDate)
        currencies.append(invoice.amount.currency.code)
        amounts.append(invoice.amount.minorUnits)
        outstandings.append(invoice.outstanding.minorUnits)
        rates.append(invoice.contractRate?.basisPoints ?? -1)
        jurisdictions.append(jurisdiction.rawValue)
        states.append(invoice.state.status.rawValue)
        if let known = stateJSON[invoice.state] {
            stateDetails.append(known)
        } else {
            let json = try StoreJSON.domain(invoice.state)
            stateJSON[invoice.state] = json
            stateDetails.append(json)
        }
        policies.append(invoice.policyOverride?.description ?? "")
        ladders.append(ladder ?? "")
        sources.append(source?.rawValue ?? "")
    }

    func insert(on connection: PostgresConnection, logger: Logger) async throws {
        guard !isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO invoices (tenant_id, id, creditor_id, debtor_id, number, issue_date, due_date, currency,
                                  amount_minor, outstanding_minor, contract_rate_bp, jurisdiction, state, state_detail,
                                  policy_id, ladder, ladder_source)
            SELECT v.tenant_id, v.id, v.creditor_id, v.debtor_id, v.number, v.issue_date, v.due_date, v.currency,
                   v.amount, v.outstanding, NULLIF(v.rate, -1), v.jurisdiction, v.state, v.state_detail::jsonb,
                   NULLIF(v.policy_id, '')::uuid, NULLIF(v.ladder, '')::jsonb, NULLIF(v.source, '')
            FROM unnest(\(tenants), \(ids), \(creditors), \(debtors), \(numbers), \(issueDates), \(dueDates),
                        \(currencies), \(amounts), \(outstandings), \(rates), \(jurisdictions), \(states),
                        \(stateDetails), \(policies), \(ladders), \(sources))
                 AS v(tenant_id, id, creditor_id, debtor_id, number, issue_date, due_date, currency, amount,
                      outstanding, rate, jurisdiction, state, state_detail, policy_id, ladder, source)
            """,
            logger: logger
        )
    }
}
