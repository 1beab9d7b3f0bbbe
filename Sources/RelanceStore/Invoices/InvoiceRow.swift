import Foundation
import PostgresNIO
import RelanceCore

/// Reads invoice rows into the domain's `Invoice`, whatever query they come from: the columns
/// are selected under `inv_` names (`InvoiceRow.columns(of: "i")`) and decoded by name.
enum InvoiceRow {
    /// The select list for an `invoices` table aliased `alias`.
    static func columns(of alias: String) -> String {
        baseColumns(of: alias) + ", \(alias).ladder::text AS inv_ladder"
    }

    private static func baseColumns(of alias: String) -> String {
        invoiceColumns(of: alias) + """
        , \(alias).jurisdiction AS inv_jurisdiction, \
        \(alias).formal_notice_date AS inv_formal_notice_date, \(alias).ladder_source AS inv_ladder_source
        """
    }

    /// The select list of what an `Invoice` holds, in the order `invoice(reading:)` reads it.
    static func invoiceColumns(of alias: String) -> String {
        """
        \(alias).id AS inv_id, \(alias).tenant_id AS inv_tenant_id, \(alias).creditor_id AS inv_creditor_id, \
        \(alias).debtor_id AS inv_debtor_id, \(alias).number AS inv_number, \(alias).issue_date AS inv_issue_date, \
        \(alias).due_date AS inv_due_date, \(alias).currency::text AS inv_currency, \
        \(alias).amount_minor AS inv_amount_minor, \(alias).outstanding_minor AS inv_outstanding_minor, \
        \(alias).contract_rate_bp AS inv_contract_rate_bp, \(alias).state_detail::text AS inv_state_detail, \
        \(alias).policy_id AS inv_policy_id
        """
    }

    /// The invoice in `row` (selected with `columns(of:)`).
    static func invoice(_ row: PostgresRandomAccessRow) throws -> Invoice {
        try invoice(
            id: try row["inv_id"].decode(UUID.self), tenantId: try row["inv_tenant_id"].decode(UUID.self),
            creditorId: try row["inv_creditor_id"].decode(UUID.self), debtorId: try row["inv_debtor_id"].decode(UUID.self),
            number: try row["inv_number"].decode(String.self), issueDate: try row["inv_issue_date"].decode(CalendarDate.self),
            dueDate: try row["inv_due_date"].decode(CalendarDate.self), currencyCode: try row["inv_currency"].decode(String.self),
            amount: try row["inv_amount_minor"].decode(Int64.self), outstanding: try row["inv_outstanding_minor"].decode(Int64.self),
            contractRate: try row["inv_contract_rate_bp"].decode(Int?.self), stateText: try row["inv_state_detail"].decode(String.self),
            policyId: try row["inv_policy_id"].decode(UUID?.self)
        )
    }

    /// The invoice in the next cells of a row, selected with `invoiceColumns(of:)`.
    static func invoice(reading cells: inout RowCells) throws -> Invoice {
        try invoice(
            id: try cells.next(), tenantId: try cells.next(), creditorId: try cells.next(), debtorId: try cells.next(),
            number: try cells.next(), issueDate: try cells.next(), dueDate: try cells.next(), currencyCode: try cells.next(),
            amount: try cells.next(), outstanding: try cells.next(), contractRate: try cells.next(), stateText: try cells.next(),
            policyId: try cells.next()
        )
    }

    private static func invoice(
        id: UUID, tenantId: UUID, creditorId: UUID, debtorId: UUID, number: String, issueDate: CalendarDate,
        dueDate: CalendarDate, currencyCode: String, amount: Int64, outstanding: Int64, contractRate: Int?,
        stateText: String, policyId: UUID?
    ) throws -> Invoice {
        let currency = try Currency(code: currencyCode)
        let state = try StoredInvoiceState.decode(stateText, what: "state of invoice \(id)")
        do {
            return try Invoice(
                id: InvoiceID(id), tenantId: TenantID(tenantId), creditorId: CreditorID(creditorId), debtorId: DebtorID(debtorId),
                number: number, issueDate: issueDate, dueDate: dueDate,
                amount: Money(minorUnits: amount, currency: currency),
                outstanding: Money(minorUnits: outstanding, currency: currency),
                contractRate: contractRate.map(Rate.init(basisPoints:)),
                state: state,
                policyOverride: policyId.map(DunningPolicyID.init)
            )
        } catch {
            throw StoreError(.corruptRecord, "invoice \(id) cannot be read: \(error)", underlying: error)
        }
    }

    /// The invoice in `row` with what the store keeps beside it.
    static func record(_ row: PostgresRandomAccessRow) throws -> InvoiceRecord {
        let invoice = try invoice(row)
        let jurisdictionName = try row["inv_jurisdiction"].decode(String.self)
        guard let jurisdiction = Jurisdiction(rawValue: jurisdictionName) else {
            throw StoreError(.corruptRecord, "invoice \(invoice.id) has unknown jurisdiction '\(jurisdictionName)'")
        }
        let sourceName = try row["inv_ladder_source"].decode(String?.self)
        return InvoiceRecord(
            invoice: invoice,
            jurisdiction: jurisdiction,
            formalNoticeDate: try row["inv_formal_notice_date"].decode(CalendarDate?.self),
            ladder: try ladder(row),
            ladderSource: sourceName.flatMap(PolicySource.init(rawValue:))
        )
    }

    /// The ladder the invoice was planned with, if it was planned.
    static func ladder(_ row: PostgresRandomAccessRow) throws -> DunningPolicy? {
        guard let text = try row["inv_ladder"].decode(String?.self) else { return nil }
        return try ladder(fromJSON: text)
    }

    static func ladder(fromJSON text: String) throws -> DunningPolicy {
        do {
            return try DunningPolicy.fromJSON(Data(text.utf8))
        } catch {
            throw StoreError(.corruptRecord, "a stored ladder is not a valid policy: \(error)", underlying: error)
        }
    }
}
